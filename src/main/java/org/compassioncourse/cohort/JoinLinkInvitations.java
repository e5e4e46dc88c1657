package org.compassioncourse.cohort;

import org.compassioncourse.account.RegistrationInvitations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cohort's join link is an invitation: with registration by invitation only, a visitor who opened one may still
 * create an account (and then joins with one click, as any learner).
 */
@Component
class JoinLinkInvitations implements RegistrationInvitations {

    private final CohortRepository cohorts;

    JoinLinkInvitations(CohortRepository cohorts) {
        this.cohorts = cohorts;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean admitsRegistration(String code) {
        String normalized = CohortService.normalize(code);
        return !normalized.isEmpty() && cohorts.existsByJoinCode(normalized);
    }
}

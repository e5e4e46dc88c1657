package org.compassioncourse.training;

import org.compassioncourse.base.LearnerSet;
import org.compassioncourse.security.SignedInUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** The signed-in learner's own training status, for their course page; nobody else's. */
@Service
@PreAuthorize("isAuthenticated()")
public class MyTraining {

    private final TrainingStatuses statuses;
    private final SignedInUser signedInUser;

    MyTraining(TrainingStatuses statuses, SignedInUser signedInUser) {
        this.statuses = statuses;
        this.signedInUser = signedInUser;
    }

    /** Where the signed-in learner stands today, decided by the same rule as every report. */
    @Transactional(readOnly = true)
    public TrainingStanding mine() {
        long me = signedInUser.require().accountId();
        List<Long> one = List.of(me);
        return statuses.of(one, LearnerSet.of(one)).get(me);
    }
}

package org.compassioncourse.account;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.SessionValidity;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Ends an account's sessions everywhere: the moment is stored with the account, so every node closes a session that
 * began earlier on its next request (see {@link SessionValidity}). Used after a password reset, a role change or
 * a deactivation. Callers decide who may do this; this class only records it.
 */
@Service
public class AccountSessions implements SessionValidity {

    private final UserAccountRepository accounts;
    private final Clock clock;

    AccountSessions(UserAccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Every session of this account that exists now ends on its next request. */
    @Transactional
    public void endAllSessions(long accountId) {
        accounts.findById(accountId).ifPresent(account -> {
            account.endSessionsBefore(clock.instant().truncatedTo(ChronoUnit.MICROS));
            accounts.saveAndFlush(account);
        });
    }

    /** Whether a signed-in user's session may go on: the account exists, is active, and its sessions were not ended since. */
    @Override
    @Transactional(readOnly = true)
    public boolean isStillValid(CurrentUser user) {
        return accounts.findById(user.accountId())
                .filter(UserAccount::isActive)
                .filter(account -> account.getSessionsValidAfter() == null || !user.signedInAt().isBefore(account.getSessionsValidAfter()))
                .isPresent();
    }
}

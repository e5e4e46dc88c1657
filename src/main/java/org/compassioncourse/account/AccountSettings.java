package org.compassioncourse.account;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.LoginThrottle;
import org.compassioncourse.security.SignedInUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signed-in user's own account: their display name and their password. Acts only on the signed-in user's
 * account, never on one named by the caller.
 */
@Service
public class AccountSettings {

    /** What the account page shows. */
    public record Profile(String email, String displayName) {
    }

    private final UserAccountRepository accounts;
    private final SignedInUser signedInUser;
    private final PasswordEncoder passwordEncoder;
    private final AccountSessions sessions;
    private final LoginThrottle throttle;
    private final PasswordPolicy passwordPolicy = new PasswordPolicy();
    private final TransactionTemplate transaction;

    AccountSettings(UserAccountRepository accounts, SignedInUser signedInUser, PasswordEncoder passwordEncoder,
                    AccountSessions sessions, LoginThrottle throttle, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.accounts = accounts;
        this.signedInUser = signedInUser;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Profile myProfile() {
        UserAccount account = myAccount();
        return new Profile(account.getEmail(), account.getDisplayName());
    }

    /**
     * Changes the name others in the course see.
     *
     * @return the signed-in user with the new name, for the page to put into this session (its other sessions show
     * the new name from their next login)
     * @throws AccountChangeException when the name is empty or too long
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public CurrentUser changeDisplayName(String displayName) {
        String name;
        try {
            name = DisplayName.parse(displayName).value();
        } catch (InvalidValueException refused) {
            throw new AccountChangeException(AccountChangeException.Field.DISPLAY_NAME, refused.getMessage());
        }
        CurrentUser user = signedInUser.require();
        UserAccount account = myAccount();
        account.changeDisplayName(name);
        accounts.saveAndFlush(account);
        return AccountUserDetailsService.toCurrentUser(account, user.signedInAt());
    }

    /**
     * Changes the password, given the current one, and ends every other session of the account (on every node, on its
     * next request). Wrong current passwords count as failed logins for the account's email, so a borrowed open
     * session cannot be used to guess the password faster than the login page allows.
     *
     * @return the signed-in user as of now, for the page to put into this session: its sign-in moment is the moment the
     * other sessions were ended, so this session alone stays valid
     * @throws AccountChangeException when the current password is wrong or the new one breaks the {@link PasswordPolicy}
     */
    @PreAuthorize("isAuthenticated()")
    public CurrentUser changePassword(String currentPassword, String newPassword) {
        // Outside a transaction: the attempt is counted on a connection of its own (LoginThrottle#admitAttempt), and a
        // thread must not hold one pooled connection while it waits for another.
        UserAccount account = java.util.Objects.requireNonNull(transaction.execute(status -> myAccount()));
        String email = account.getEmail();
        // counted as a failure at once, in one locked step with the check, like a login (parallel tries cannot slip past)
        if (throttle.admitAttempt(email, null)) {
            throw new AccountChangeException(AccountChangeException.Field.CURRENT_PASSWORD,
                    "Too many wrong passwords for this account. Wait 15 minutes, then try again.");
        }
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new AccountChangeException(AccountChangeException.Field.CURRENT_PASSWORD,
                    "That is not your current password. Passwords are case-sensitive.");
        }
        throttle.recordSuccess(email);
        return transaction.execute(status -> changePasswordOf(myAccount(), currentPassword, newPassword));
    }

    private CurrentUser changePasswordOf(UserAccount account, String currentPassword, String newPassword) {
        String email = account.getEmail();
        if (newPassword != null && newPassword.equals(currentPassword)) {
            throw new AccountChangeException(AccountChangeException.Field.NEW_PASSWORD, "Choose a password different from your current one.");
        }
        passwordPolicy.problemWith(newPassword, email, account.getDisplayName()).ifPresent(problem -> {
            throw new AccountChangeException(AccountChangeException.Field.NEW_PASSWORD, problem);
        });
        account.changePasswordHash(passwordEncoder.encode(newPassword));
        accounts.saveAndFlush(account);
        sessions.endAllSessions(account.getId());
        UserAccount changed = myAccount();
        return AccountUserDetailsService.toCurrentUser(changed, java.util.Objects.requireNonNull(changed.getSessionsValidAfter()));
    }

    private UserAccount myAccount() {
        return accounts.findById(signedInUser.require().accountId())
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Log in to continue."));
    }
}

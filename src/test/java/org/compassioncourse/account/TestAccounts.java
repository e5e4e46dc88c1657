package org.compassioncourse.account;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;

import java.time.Duration;

/** Test-only access to account creation with a role (instructors cannot register themselves). */
public final class TestAccounts {

    private TestAccounts() {
    }

    public static CurrentUser instructor(AccountService accounts, RegistrationForm form) {
        return accounts.register(form, Role.INSTRUCTOR);
    }

    /** Gives the account the administrator flag directly (as the bootstrap would) and returns it as a fresh login. */
    static CurrentUser makeAdministrator(UserAccountRepository accounts, AccountUserDetailsService users, CurrentUser user) {
        UserAccount account = accounts.findById(user.accountId()).orElseThrow();
        account.setAdministrator(true);
        accounts.saveAndFlush(account);
        return users.loadUserByUsername(user.getUsername());
    }

    /**
     * The same login, begun {@code earlier} before it did: a session that certainly began before whatever the test does
     * next (logins take their moment from the system clock, stored to the microsecond), without sleeping.
     */
    public static CurrentUser signedInEarlier(CurrentUser user, Duration earlier) {
        return new CurrentUser(user.accountId(), user.getUsername(), user.displayName(),
                user.getPassword() == null ? "" : user.getPassword(), user.role(), user.isAdministrator(),
                user.getAuthorities(), user.signedInAt().minus(earlier));
    }
}

package org.compassioncourse.account;

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
}

package org.compassioncourse.account;

/** Test-only access to account creation with a role (instructors cannot register themselves). */
public final class TestAccounts {

    private TestAccounts() {
    }

    public static CurrentUser instructor(AccountService accounts, RegistrationForm form) {
        return accounts.register(form, Role.INSTRUCTOR);
    }
}

package org.compassioncourse.account;

/** What a person types to register. */
public record RegistrationForm(String displayName, String email, String password) {
}

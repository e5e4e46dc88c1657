package org.compassioncourse.account;

/** Setting up an account (or inviting one) was refused; the message says why and what to do. */
public class AccountSetupException extends RuntimeException {

    AccountSetupException(String message) {
        super(message);
    }
}

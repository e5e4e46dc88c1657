package org.compassioncourse.account;

/** A change on the account page was refused; the message says why, and names the field at fault. */
public class AccountChangeException extends RuntimeException {

    /** The form field the problem belongs to. */
    public enum Field { DISPLAY_NAME, CURRENT_PASSWORD, NEW_PASSWORD }

    private final Field field;

    AccountChangeException(Field field, String message) {
        super(message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}

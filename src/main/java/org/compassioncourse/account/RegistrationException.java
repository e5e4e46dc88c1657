package org.compassioncourse.account;

/** Registration was refused; the message says why and what to do, and names the field at fault. */
public class RegistrationException extends RuntimeException {

    /** The form field the problem belongs to. */
    public enum Field { DISPLAY_NAME, EMAIL, PASSWORD }

    private final Field field;

    RegistrationException(Field field, String message) {
        super(message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}

package org.compassioncourse.account;

/** A typed value (an email address, a name) that cannot be one; the message is written for the person who typed it. */
public class InvalidValueException extends IllegalArgumentException {

    public InvalidValueException(String message) {
        super(message);
    }
}

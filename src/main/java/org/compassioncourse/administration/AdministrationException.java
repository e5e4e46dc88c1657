package org.compassioncourse.administration;

/** An administrative action that was refused, with a message for the administrator saying why and what to do. */
public class AdministrationException extends RuntimeException {

    public AdministrationException(String message) {
        super(message);
    }
}

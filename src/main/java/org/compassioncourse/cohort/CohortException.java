package org.compassioncourse.cohort;

/** A cohort request was refused; the message says why and what to do. */
public class CohortException extends RuntimeException {

    public CohortException(String message) {
        super(message);
    }
}

package org.compassioncourse.training;

/** A training setting that cannot be saved as asked; the message says why, for the person who asked. */
public class TrainingException extends RuntimeException {

    public TrainingException(String message) {
        super(message);
    }
}

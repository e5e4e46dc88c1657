package org.compassioncourse.completion;

/** A completion step refused, with a message for the person (what is missing and what to do). */
public class CompletionException extends RuntimeException {

    public CompletionException(String message) {
        super(message);
    }
}

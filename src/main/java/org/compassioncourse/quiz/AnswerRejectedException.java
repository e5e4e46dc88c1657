package org.compassioncourse.quiz;

/** An answer that does not fit its question (or its attempt) was refused; nothing was recorded. */
public class AnswerRejectedException extends RuntimeException {

    public AnswerRejectedException(String message) {
        super(message);
    }
}

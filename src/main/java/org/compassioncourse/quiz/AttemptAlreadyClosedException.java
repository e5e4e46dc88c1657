package org.compassioncourse.quiz;

/** A submission of an attempt that was already submitted (e.g. from another tab) or abandoned. */
public class AttemptAlreadyClosedException extends AnswerRejectedException {

    private final long attemptId;
    private final boolean abandoned;

    AttemptAlreadyClosedException(long attemptId, boolean abandoned) {
        super(abandoned ? "This attempt was abandoned, so it cannot be submitted."
                : "This attempt was already submitted, perhaps in another window or tab. Its result is saved.");
        this.attemptId = attemptId;
        this.abandoned = abandoned;
    }

    public long attemptId() {
        return attemptId;
    }

    /** False when the attempt was submitted and has a result to show. */
    public boolean abandoned() {
        return abandoned;
    }
}

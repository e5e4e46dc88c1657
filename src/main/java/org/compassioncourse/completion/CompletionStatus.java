package org.compassioncourse.completion;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * Where a learner stands on completing the course, as the course page, the final's result page and "My record" show it.
 *
 * @param completedAt when the course was completed, null if not yet
 * @param finalScore the counted final score once completed
 * @param evaluationRequired whether the course has an evaluation to fill in before the certificate
 * @param certificate the issued certificate, if any
 */
public record CompletionStatus(int lessonsCompleted, int lessonsTotal, boolean finalPassed, @Nullable Instant completedAt,
                               @Nullable Double finalScore, boolean evaluationRequired, @Nullable Instant evaluationSubmittedAt,
                               @Nullable IssuedCertificate certificate) {

    public boolean completed() {
        return completedAt != null;
    }

    public boolean evaluationDone() {
        return !evaluationRequired || evaluationSubmittedAt != null;
    }

    /** The certificate may be issued now (or has been). */
    public boolean certificateAvailable() {
        return completed() && evaluationDone();
    }
}

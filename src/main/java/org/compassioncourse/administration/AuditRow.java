package org.compassioncourse.administration;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One audit log line as administrators read it: who did what to whom, when. Names are the accounts' current ones (an
 * erased learner reads "Former learner #12"); a null actor is the application itself.
 */
public record AuditRow(long id, Instant occurredAt, @Nullable Long actorId, @Nullable String actorName,
                       AuditAction action, @Nullable Long subjectId, @Nullable String subjectName,
                       @Nullable String subjectEmail, String detail) {

    public String actorLabel() {
        return actorId == null ? "The application (start-up setting)" : actorName + " (#" + actorId + ")";
    }

    public String subjectLabel() {
        return subjectId == null ? "" : subjectName + " <" + subjectEmail + "> (#" + subjectId + ")";
    }
}

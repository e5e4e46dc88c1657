package org.compassioncourse.lrs;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One statement in the outbox, as the administrators' page shows it.
 *
 * @param lastStatus the store's HTTP status at the last try; null when it did not answer (or never tried)
 */
public record OutboxRow(String statementId, String verb, String objectId, Instant createdAt, OutboxStatus status, int tries,
                        @Nullable Instant nextTryAt, @Nullable Instant lastTryAt, @Nullable Instant sentAt,
                        @Nullable Integer lastStatus, @Nullable String lastMessage) {

    /** The verb's last word ("answered", "completed"). */
    public String verbName() {
        return verb.substring(verb.lastIndexOf('/') + 1);
    }
}

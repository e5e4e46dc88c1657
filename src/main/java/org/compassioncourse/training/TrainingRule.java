package org.compassioncourse.training;

import org.compassioncourse.content.CompletionContent;
import org.compassioncourse.content.CompletionValidity;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The one rule that gives a learner their training status: every page, export and mail asks it (through
 * {@link TrainingStatuses}) and none decides again.
 * <ul>
 *     <li>A completion counts unless its certificate was revoked. It is valid until {@code validFor} after the day of
 *     completion (forever without a validity block): completed, then expiring soon from the day the renewal window
 *     opens, then expired the day after the last valid day.</li>
 *     <li>Without a counting completion: overdue the day after the due date; due soon from {@code dueSoon} before it
 *     up to and including the due day itself; otherwise in progress once the learner opened a lesson or submitted a
 *     quiz, else not started. No due date: never due soon nor overdue.</li>
 * </ul>
 * Days are in the clock's time zone.
 */
@Component
public class TrainingRule {

    private final TrainingProperties properties;
    private final CompletionValidity validity;
    private final Clock clock;

    TrainingRule(TrainingProperties properties, CompletionContent completion, Clock clock) {
        this.properties = properties;
        this.validity = completion.validity();
        this.clock = clock;
    }

    /** Whether completions of this course expire (course.yaml has a validity block). */
    public boolean completionsExpire() {
        return validity.validFor() != null;
    }

    /** Today, in the clock's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The time zone days are counted in. */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    /** The day an instant falls on, in the clock's time zone. */
    public LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone());
    }

    /**
     * @param dueOn         the learner's due date, if any
     * @param started       whether the learner has opened a lesson or submitted a quiz
     * @param completedAt   when the learner completed the course, if they have
     * @param revoked       whether the certificate for that completion was revoked (the completion then does not count)
     */
    public TrainingStanding decide(LocalDate today, @Nullable LocalDate dueOn, boolean started,
                                   @Nullable Instant completedAt, boolean revoked) {
        if (completedAt != null && !revoked) {
            LocalDate completedOn = day(completedAt);
            LocalDate validUntil = validity.validUntil(completedOn).orElse(null);
            LocalDate renewalOpensOn = validity.renewalOpensOn(completedOn).orElse(null);
            TrainingStatus status;
            if (validUntil != null && today.isAfter(validUntil)) {
                status = TrainingStatus.EXPIRED;
            } else if (renewalOpensOn != null && !today.isBefore(renewalOpensOn)) {
                status = TrainingStatus.EXPIRING_SOON;
            } else {
                status = TrainingStatus.COMPLETED;
            }
            return new TrainingStanding(status, today, dueOn, completedOn, validUntil, renewalOpensOn);
        }
        TrainingStatus status;
        if (dueOn != null && today.isAfter(dueOn)) {
            status = TrainingStatus.OVERDUE;
        } else if (dueOn != null && !today.isBefore(dueOn.minus(properties.dueSoon()))) {
            status = TrainingStatus.DUE_SOON;
        } else {
            status = started ? TrainingStatus.IN_PROGRESS : TrainingStatus.NOT_STARTED;
        }
        return new TrainingStanding(status, today, dueOn, null, null, null);
    }
}

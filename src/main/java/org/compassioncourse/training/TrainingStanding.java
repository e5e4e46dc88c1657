package org.compassioncourse.training;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * One learner's training status with the dates behind it, as {@link TrainingRule} decided it on {@code today}.
 *
 * @param dueOn          the last day to complete (the earliest of the learner's cohorts, an extension counted), if any
 * @param completedOn    the day the course was completed (a revoked certificate's completion does not count)
 * @param validUntil     the last day the completion is valid, if completions expire
 * @param renewalOpensOn the first day of the renewal window, if completions expire
 */
public record TrainingStanding(TrainingStatus status, LocalDate today, @Nullable LocalDate dueOn,
                               @Nullable LocalDate completedOn, @Nullable LocalDate validUntil,
                               @Nullable LocalDate renewalOpensOn) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** The status in a sentence, the same on the course page, in the grid and in the CSV, e.g. "Due 14 March 2027 — in 12 days". */
    public String describe() {
        return switch (status) {
            case NOT_STARTED, IN_PROGRESS, DUE_SOON -> dueOn == null ? status.label() + " — no due date"
                    : "Due " + DATE.format(dueOn) + " — " + inDays(dueOn);
            case OVERDUE -> "Overdue — was due " + DATE.format(dueOn(dueOn)) + " (" + daysAgo(dueOn(dueOn)) + ")";
            case COMPLETED -> validUntil == null ? "Completed " + DATE.format(dueOn(completedOn))
                    : "Completed " + DATE.format(dueOn(completedOn)) + " — valid until " + DATE.format(validUntil);
            case EXPIRING_SOON -> "Valid until " + DATE.format(dueOn(validUntil)) + " — renewal open, "
                    + daysLeft(ChronoUnit.DAYS.between(today, dueOn(validUntil).plusDays(1)));
            case EXPIRED -> "Expired — was valid until " + DATE.format(dueOn(validUntil));
        };
    }

    /** A date as the status sentence writes it ("14 March 2027"), for other texts that name the same dates. */
    public static String format(LocalDate date) {
        return DATE.format(date);
    }

    private String inDays(LocalDate day) {
        long days = ChronoUnit.DAYS.between(today, day);
        return days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + days + " days";
    }

    private static String daysLeft(long days) {
        return days == 1 ? "1 day left" : days + " days left";
    }

    private String daysAgo(LocalDate day) {
        long days = ChronoUnit.DAYS.between(day, today);
        return days == 1 ? "1 day ago" : days + " days ago";
    }

    private static LocalDate dueOn(@Nullable LocalDate date) {
        if (date == null) {
            throw new IllegalStateException("the rule set this status without its date");
        }
        return date;
    }
}

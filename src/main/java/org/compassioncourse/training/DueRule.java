package org.compassioncourse.training;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a cohort's learners must complete the course: by a fixed date, or within a number of days of joining (new
 * starters), or not at all ({@link #NONE}). Never both.
 */
public record DueRule(@Nullable LocalDate completeBy, @Nullable Integer withinDays) {

    /** The most days a "within N days of joining" rule may give (ten years). */
    public static final int MAX_DAYS = 3650;

    public static final DueRule NONE = new DueRule(null, null);

    public DueRule {
        if (completeBy != null && withinDays != null) {
            throw new TrainingException("A cohort's due date is either a fixed date or a number of days from joining, not both.");
        }
        if (withinDays != null && (withinDays < 1 || withinDays > MAX_DAYS)) {
            throw new TrainingException("The number of days from joining must be between 1 and " + MAX_DAYS + ".");
        }
    }

    public static DueRule completeBy(LocalDate date) {
        return new DueRule(date, null);
    }

    public static DueRule withinDaysOfJoining(int days) {
        return new DueRule(null, days);
    }

    public boolean isNone() {
        return completeBy == null && withinDays == null;
    }

    /** The due date of a learner who joined at {@code joinedAt} (days in {@code zone}), if the rule gives one. */
    public @Nullable LocalDate dueFor(Instant joinedAt, ZoneId zone) {
        if (completeBy != null) {
            return completeBy;
        }
        return withinDays == null ? null : LocalDate.ofInstant(joinedAt, zone).plusDays(withinDays);
    }

    /** The rule in words, as the cohort page and the audit log show it. */
    public String describe() {
        if (completeBy != null) {
            return "Complete by " + TrainingStanding.format(completeBy);
        }
        return withinDays == null ? "No due date" : "Complete within " + withinDays + (withinDays == 1 ? " day" : " days") + " of joining";
    }
}

package org.compassioncourse.review.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * When a card comes back, in words counted in the learner's days: "later today, once more", "tomorrow, Tuesday
 * 8 December", "in 3 days, on Thursday 10 December" (the year only when it is not this one).
 */
final class NextReviewWords {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final DateTimeFormatter DAY_AND_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private NextReviewWords() {
    }

    static String of(Instant now, Instant due, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate day = LocalDate.ofInstant(due, zone);
        long days = ChronoUnit.DAYS.between(today, day);
        if (days <= 0) {
            return "later today, once more";
        }
        String date = (day.getYear() == today.getYear() ? DAY : DAY_AND_YEAR).format(day);
        return days == 1 ? "tomorrow, " + date : "in " + days + " days, on " + date;
    }
}

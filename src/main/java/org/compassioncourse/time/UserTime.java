package org.compassioncourse.time;

import java.time.Instant;

/**
 * Moved to {@link org.compassioncourse.base.ui.UserTime}: reading the browser's time zone is a view's concern, and
 * services now return instants that views format. Kept only so that views changed on another branch (LearnerView)
 * still compile; only classes in a {@code ui} package may use it (see ArchitectureTest). Delete once none does.
 */
@Deprecated(forRemoval = true)
public final class UserTime {

    private UserTime() {
    }

    public static String dateTime(Instant instant) {
        return org.compassioncourse.base.ui.UserTime.dateTime(instant);
    }

    public static String date(Instant instant) {
        return org.compassioncourse.base.ui.UserTime.date(instant);
    }

    public static String timeOnDay(Instant instant) {
        return org.compassioncourse.base.ui.UserTime.timeOnDay(instant);
    }
}

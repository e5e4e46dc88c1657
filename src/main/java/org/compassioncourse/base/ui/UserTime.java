package org.compassioncourse.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as the person reading them keeps them: in the time zone of their browser, which Vaadin receives
 * when a page loads, and with the zone's short name so nobody has to guess ("14:05 GMT", "15:05 CET"). Where no
 * browser is involved (exports, tests without a page) or it did not say, UTC, named as such.
 */
public final class UserTime {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME_ON_DAY = DateTimeFormatter.ofPattern("HH:mm z 'on' d MMM", Locale.UK);

    private UserTime() {
    }

    /** The browser's time zone for the current page; UTC without a page or when the browser sent none we know. */
    public static ZoneId zone() {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return UTC;
        }
        ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
        String id = details == null ? null : details.getTimeZoneId();
        if (id == null || id.isBlank()) {
            return UTC;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException unknown) {
            return UTC;
        }
    }

    /** E.g. "3 Mar 2026, 14:05 GMT". */
    public static String dateTime(Instant instant) {
        return DATE_TIME.withZone(zone()).format(instant);
    }

    /** E.g. "3 Mar 2026". */
    public static String date(Instant instant) {
        return DATE.withZone(zone()).format(instant);
    }

    /** E.g. "14:05 GMT on 3 Mar". */
    public static String timeOnDay(Instant instant) {
        return TIME_ON_DAY.withZone(zone()).format(instant);
    }
}

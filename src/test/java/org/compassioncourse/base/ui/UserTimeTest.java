package org.compassioncourse.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserTimeTest {

    // 13:05 UTC on a winter day and on a summer day
    private static final Instant WINTER = Instant.parse("2026-01-15T13:05:00Z");
    private static final Instant SUMMER = Instant.parse("2026-07-15T13:05:00Z");

    @AfterEach
    void noPage() {
        UI.setCurrent(null);
    }

    private static void pageInZone(String timeZoneId) {
        UI ui = new UI();
        UI.setCurrent(ui);
        Map<String, String> sent = Map.of("v-tzid", timeZoneId);
        ExtendedClientDetails.updateFromValues(ui, name -> sent.getOrDefault(name, "0"));
    }

    @Test
    void withoutAPageTimesAreInUtcAndSaySo() {
        assertThat(UserTime.dateTime(WINTER)).isEqualTo("15 Jan 2026, 13:05 UTC");
        assertThat(UserTime.timeOnDay(WINTER)).isEqualTo("13:05 UTC on 15 Jan");
    }

    @Test
    void aPageShowsTimesInTheBrowsersZoneWithDaylightSavingAndTheZoneName() {
        pageInZone("Europe/London");
        assertThat(UserTime.dateTime(WINTER)).isEqualTo("15 Jan 2026, 13:05 GMT");
        assertThat(UserTime.dateTime(SUMMER)).isEqualTo("15 Jul 2026, 14:05 BST");

        pageInZone("Australia/Sydney");
        assertThat(UserTime.dateTime(WINTER)).isEqualTo("16 Jan 2026, 00:05 AEDT");
        assertThat(UserTime.date(WINTER)).as("the date too is the reader's").isEqualTo("16 Jan 2026");
    }

    @Test
    void anUnknownZoneFromTheBrowserFallsBackToUtc() {
        pageInZone("Mars/Olympus_Mons");
        assertThat(UserTime.dateTime(WINTER)).isEqualTo("15 Jan 2026, 13:05 UTC");
    }
}

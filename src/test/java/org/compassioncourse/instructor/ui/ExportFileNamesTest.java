package org.compassioncourse.instructor.ui;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ExportFileNamesTest {

    private static final Clock NOV_25 = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void downloadIsNamedAfterWhatItHoldsAndTheDay() {
        assertThat(ExportFileNames.of("gradebook", "Ward 7 nurses, spring", "csv", NOV_25)).isEqualTo("gradebook-ward-7-nurses-spring-2026-11-25.csv");
        assertThat(ExportFileNames.of("xapi-statements", "[Synthetic] 150 learners", "json", NOV_25))
                .isEqualTo("xapi-statements-synthetic-150-learners-2026-11-25.json");
    }

    @Test
    void accentsAndOddCharactersBecomePlainLettersAndLongNamesAreCut() {
        assertThat(ExportFileNames.of("xapi-statements", "Zoë Böckler / \"ICU\"", "json", NOV_25)).isEqualTo("xapi-statements-zoe-bockler-icu-2026-11-25.json");
        assertThat(ExportFileNames.of("gradebook", "x".repeat(80), "csv", NOV_25)).isEqualTo("gradebook-" + "x".repeat(40) + "-2026-11-25.csv");
        assertThat(ExportFileNames.of("gradebook", "漢字", "csv", NOV_25)).isEqualTo("gradebook-2026-11-25.csv");
    }
}

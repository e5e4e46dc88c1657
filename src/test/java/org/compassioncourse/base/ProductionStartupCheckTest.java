package org.compassioncourse.base;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionStartupCheckTest {

    @Test
    void prodOnTheDefaultH2FileDatabaseIsWarnedAboutAndPointedToPostgres() {
        assertThat(ProductionStartupCheck.warningFor("jdbc:h2:file:./data/compassion-course;DB_CLOSE_ON_EXIT=FALSE"))
                .hasValueSatisfying(warning -> assertThat(warning).contains("embedded H2", "postgres", "DATABASE_URL"));
    }

    @Test
    void prodWithoutAnyDatabaseUrlIsWarnedAbout() {
        assertThat(ProductionStartupCheck.warningFor(null)).hasValueSatisfying(warning -> assertThat(warning).contains("without a configured database"));
        assertThat(ProductionStartupCheck.warningFor(" ")).isPresent();
    }

    @Test
    void prodOnPostgresStartsWithoutWarning() {
        assertThat(ProductionStartupCheck.warningFor("jdbc:postgresql://db.internal:5432/compassion_course")).isEmpty();
    }
}

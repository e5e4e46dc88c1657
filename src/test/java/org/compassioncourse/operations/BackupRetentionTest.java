package org.compassioncourse.operations;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The backup keeps exactly the newest N zips, by the time in their names, and leaves other files alone. */
class BackupRetentionTest {

    @TempDir
    Path dataDir;

    @Test
    void afterABackupOnlyTheNewestKeepBackupsRemainAndOtherFilesAreUntouched() throws IOException {
        var h2 = new DriverManagerDataSource("jdbc:h2:file:" + dataDir.resolve("compassion-course"), "sa", "");
        new JdbcTemplate(h2).execute("create table note (id int primary key, text varchar(100))");
        Path backups = Files.createDirectories(dataDir.resolve("backups"));
        // sixteen nightly backups from earlier in November, written in a shuffled order so mtimes say nothing
        for (int day : new int[] {9, 2, 14, 5, 16, 1, 11, 7, 13, 3, 15, 8, 4, 12, 6, 10}) {
            Files.writeString(backups.resolve(String.format("compassion-course-202611%02dT023000Z.zip", day)), "old");
        }
        Files.writeString(backups.resolve("README.txt"), "operator's notes");
        Files.writeString(backups.resolve("compassion-course-before-upgrade.zip"), "kept by hand");

        Clock nov28 = Clock.fixed(Instant.parse("2026-11-28T02:30:00Z"), ZoneOffset.UTC);
        var backup = new DatabaseBackup(h2, new BackupProperties("-", backups, 3), nov28, new SimpleMeterRegistry());
        Path made = backup.backUp().orElseThrow();

        assertThat(made.getFileName()).hasToString("compassion-course-20261128T023000Z.zip");
        try (Stream<Path> left = Files.list(backups)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "README.txt",
                    "compassion-course-20261115T023000Z.zip",
                    "compassion-course-20261116T023000Z.zip",
                    "compassion-course-20261128T023000Z.zip",
                    "compassion-course-before-upgrade.zip");
        }
        assertThat(Files.size(made)).as("a real zip, not a placeholder").isGreaterThan(100);
    }

    @Test
    void fewerBackupsThanKeepAreAllKept() throws IOException {
        Path backups = Files.createDirectories(dataDir.resolve("backups"));
        Files.writeString(backups.resolve("compassion-course-20261101T023000Z.zip"), "old");
        assertThat(DatabaseBackup.deleteBeyondNewest(backups, 14)).isEmpty();
        assertThat(backups.resolve("compassion-course-20261101T023000Z.zip")).exists();
    }

    @Test
    void anInMemoryDatabaseIsNotBackedUp() {
        var memory = new DriverManagerDataSource("jdbc:h2:mem:retention-" + System.nanoTime(), "sa", "");
        var backup = new DatabaseBackup(memory, new BackupProperties("-", dataDir.resolve("backups"), 3),
                Clock.systemUTC(), new SimpleMeterRegistry());
        assertThat(backup.backUp()).isEmpty();
        assertThat(dataDir.resolve("backups")).doesNotExist();
    }
}

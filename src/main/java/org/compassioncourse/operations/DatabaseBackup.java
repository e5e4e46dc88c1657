package org.compassioncourse.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Online backup of the embedded H2 database: {@code BACKUP TO} a zip that holds a consistent copy of
 * {@code compassion-course.mv.db} while learners keep working, on a schedule, keeping the newest few.
 * On PostgreSQL it does nothing: there backups are pg_dump's job (README, "Backups").
 */
@Component
public class DatabaseBackup {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);
    static final String PREFIX = "compassion-course-";
    // the UTC timestamp sorts like the time it names, so the file name alone orders backups (no reliance on mtimes,
    // which a copy to another disk changes)
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern BACKUP_FILE = Pattern.compile(Pattern.quote(PREFIX) + "\\d{8}T\\d{6}Z\\.zip");

    enum Database { H2_FILE, H2_IN_MEMORY, OTHER }

    private final DataSource dataSource;
    private final BackupProperties properties;
    private final Clock clock;
    private final Timer duration;
    private final AtomicLong lastSuccessEpochSeconds = new AtomicLong();
    private volatile Database database;

    DatabaseBackup(DataSource dataSource, BackupProperties properties, Clock clock, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.clock = clock;
        this.duration = Timer.builder("course.backup").description("Time taken by the H2 online backup (BACKUP TO)")
                .register(meters);
        Gauge.builder("course.backup.last.success", lastSuccessEpochSeconds, AtomicLong::get).baseUnit("seconds")
                .description("When this node last finished a backup (Unix time, 0 = not since it started)")
                .register(meters);
    }

    /** Says once, at start-up, what the backup will do on this database. */
    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        switch (database()) {
            case H2_FILE -> log.info("Database backup: H2 online backup to {} on cron '{}', keeping the newest {}",
                    properties.dir().toAbsolutePath().normalize(), properties.cron(), properties.keep());
            case H2_IN_MEMORY -> log.info("Database backup: off, the database is in memory");
            case OTHER -> log.info("Database backup: not done by the app on this database; back PostgreSQL up with "
                    + "pg_dump -Fc (README, \"Backups\")");
        }
    }

    /** The scheduled run: one node of the cluster at a time (ShedLock), and not twice within a minute. */
    @Scheduled(cron = "${course.backup.cron:0 30 2 * * *}")
    // lockAtLeastFor: a node whose clock is a few seconds behind must not start the same 02:30 run again
    @SchedulerLock(name = "database-backup", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    public void scheduledBackup() {
        backUp();
    }

    /**
     * Backs the H2 file database up now and deletes the oldest backups beyond {@code course.backup.keep}.
     *
     * @return the new zip, or empty where there is nothing for the app to back up (PostgreSQL, in-memory H2)
     */
    public Optional<Path> backUp() {
        if (database() != Database.H2_FILE) {
            return Optional.empty();
        }
        Path dir = properties.dir().toAbsolutePath().normalize();
        Path zip = dir.resolve(PREFIX + STAMP.format(clock.instant()) + ".zip");
        long started = System.nanoTime();
        try {
            Files.createDirectories(dir);
            // BACKUP TO copies the database file inside one read transaction (MVCC): consistent, and nobody waits
            new JdbcTemplate(dataSource).execute("BACKUP TO '" + zip.toString().replace("'", "''") + "'");
            long ms = (System.nanoTime() - started) / 1_000_000;
            duration.record(java.time.Duration.ofMillis(ms));
            lastSuccessEpochSeconds.set(clock.instant().getEpochSecond());
            log.info("Database backup written: {} ({} bytes, {} ms)", zip, Files.size(zip), ms);
            deleteBeyondNewest(dir, properties.keep());
            return Optional.of(zip);
        } catch (IOException e) {
            log.error("Database backup failed: cannot write to {}: {}", dir, e.toString());
            throw new UncheckedIOException("Backup folder " + dir + " is not writable; set course.backup.dir", e);
        } catch (RuntimeException e) {
            log.error("Database backup to {} failed: {}", zip, e.toString());
            throw e;
        }
    }

    /** Keeps the {@code keep} newest backups in {@code dir}; files not named like a backup are never touched. */
    static List<Path> deleteBeyondNewest(Path dir, int keep) throws IOException {
        List<Path> backups;
        try (Stream<Path> files = Files.list(dir)) {
            backups = files.filter(f -> BACKUP_FILE.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                    .toList();
        }
        List<Path> deleted = new ArrayList<>();
        for (Path old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
            Files.deleteIfExists(old);
            deleted.add(old);
            log.info("Old database backup deleted (keeping the newest {}): {}", keep, old.getFileName());
        }
        return deleted;
    }

    Database database() {
        Database known = database;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                DatabaseMetaData meta = connection.getMetaData();
                String url = meta.getURL();
                known = !"H2".equals(meta.getDatabaseProductName()) ? Database.OTHER
                        : url != null && url.startsWith("jdbc:h2:mem:") ? Database.H2_IN_MEMORY
                        : Database.H2_FILE;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot reach the database to decide how to back it up: " + e.getMessage(), e);
            }
            database = known;
        }
        return known;
    }
}

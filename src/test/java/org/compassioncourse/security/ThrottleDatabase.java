package org.compassioncourse.security;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/** A database with the app's real schema (every Flyway migration) for throttle tests, and a clock they move. */
final class ThrottleDatabase {

    private ThrottleDatabase() {
    }

    /** A fresh in-memory H2 database, private to the caller. */
    static DataSource freshH2() {
        return migrated(new DriverManagerDataSource("jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    static DataSource migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    /** One node of the app, as far as the login throttle goes. */
    static LoginThrottle node(DataSource database, Clock clock, ThrottleProperties limits) {
        return new LoginThrottle(new ThrottleEvents(database, clock, limits), limits);
    }

    /**
     * {@code attempts} logins for one email at once, spread over the given nodes, each counted through
     * {@link LoginThrottle#admitAttempt}: how many were let through to the password check (not paused).
     */
    static int admittedOfParallelAttempts(String email, int attempts, LoginThrottle... nodes) throws Exception {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(attempts)) {
            java.util.List<java.util.concurrent.Future<Boolean>> paused = new java.util.ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                LoginThrottle node = nodes[i % nodes.length];
                paused.add(pool.submit(() -> {
                    start.await();
                    return node.admitAttempt(email, null);
                }));
            }
            start.countDown();
            int admitted = 0;
            for (var answer : paused) {
                if (!answer.get(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    admitted++;
                }
            }
            return admitted;
        }
    }

    /** A clock the test moves forward; shared by "nodes" in a test as their clocks would agree. */
    static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

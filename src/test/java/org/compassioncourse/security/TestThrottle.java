package org.compassioncourse.security;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;

/** Test-only access to the shared throttle counts, for tests outside this package (e.g. the register view's). */
public final class TestThrottle {

    private TestThrottle() {
    }

    /** The subject's stored key, with the app's secret (the one kept in the database: tests configure none). */
    public static String key(JdbcTemplate jdbc, String subject) {
        return new ThrottleEvents(java.util.Objects.requireNonNull(jdbc.getDataSource()), java.time.Clock.systemUTC(),
                ThrottleProperties.defaults()).key(subject);
    }

    /** Counts {@code accounts} new accounts from this address just now, as if they had been registered. */
    public static void registrationsFrom(JdbcTemplate jdbc, String address, int accounts) {
        String key = key(jdbc, address);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.batchUpdate("insert into throttle_event (kind, subject_key, occurred_at) values ('REGISTRATION_ADDRESS', ?, ?)",
                Collections.nCopies(accounts, new Object[]{key, now}));
    }

    public static void forgetRegistrationsFrom(JdbcTemplate jdbc, String address) {
        jdbc.update("delete from throttle_event where kind = 'REGISTRATION_ADDRESS' and subject_key = ?", key(jdbc, address));
    }

    /** Counts {@code requests} password reset requests from this address just now. */
    public static void resetRequestsFrom(JdbcTemplate jdbc, String address, int requests) {
        jdbc.batchUpdate("insert into throttle_event (kind, subject_key, occurred_at) values ('RESET_ADDRESS', ?, ?)",
                Collections.nCopies(requests, new Object[]{key(jdbc, address), OffsetDateTime.now(ZoneOffset.UTC)}));
    }

    public static void forgetResetRequestsFrom(JdbcTemplate jdbc, String address) {
        jdbc.update("delete from throttle_event where kind = 'RESET_ADDRESS' and subject_key = ?", key(jdbc, address));
    }
}

package org.compassioncourse.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failed logins, new accounts and password reset requests, one row each in the shared database (table {@code throttle_event}), so every node
 * of the app counts the same events and a restart forgets none. Subjects (an email, a client address) are stored only
 * as a SHA-256 of their lower-cased form: fixed-size keys, nothing readable, nothing kept in memory.
 */
@Component
class ThrottleEvents {

    enum Kind { LOGIN_EMAIL, LOGIN_ADDRESS, REGISTRATION_ADDRESS, RESET_EMAIL, RESET_ADDRESS }

    /** Longer subjects are cut before hashing: no email or address is this long, and hashing stays cheap. */
    static final int MAX_SUBJECT = 320;
    /** Every this many recorded events on a node, rows older than the longest window are deleted. */
    private static final int PRUNE_EVERY = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration keep;
    private final AtomicInteger recordedSincePrune = new AtomicInteger();

    ThrottleEvents(DataSource dataSource, Clock clock, ThrottleProperties limits) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.keep = limits.longestWindow();
    }

    /** One insert; now and then also deletes events too old to count. */
    void record(Kind kind, String subject) {
        jdbc.sql("insert into throttle_event (kind, subject_key, occurred_at) values (:kind, :key, :at)")
                .param("kind", kind.name()).param("key", key(subject)).param("at", utc(clock.instant()))
                .update();
        if (recordedSincePrune.incrementAndGet() >= PRUNE_EVERY) {
            recordedSincePrune.set(0);
            prune();
        }
    }

    /** How many events of this kind for this subject lie within the window, counted up to {@code cap} at most. */
    int count(Kind kind, String subject, Duration window, int cap) {
        return counts(window, kind, subject, cap, kind, subject, 0)[0];
    }

    /**
     * Two counts in one query (a login checks its email and its address together), each capped so that a flood of
     * events for one subject never makes a check slower: the index finds at most {@code cap} rows.
     */
    int[] counts(Duration window, Kind firstKind, String firstSubject, int firstCap,
                 Kind secondKind, String secondSubject, int secondCap) {
        String capped = "(select count(*) from (select 1 from throttle_event where kind = :%1$sKind and subject_key = :%1$sKey"
                + " and occurred_at > :since limit :%1$sCap) %1$sRows)";
        return jdbc.sql("select " + capped.formatted("first") + ", " + capped.formatted("second"))
                .param("firstKind", firstKind.name()).param("firstKey", key(firstSubject)).param("firstCap", firstCap)
                .param("secondKind", secondKind.name()).param("secondKey", key(secondSubject)).param("secondCap", secondCap)
                .param("since", utc(clock.instant().minus(window)))
                .query((row, number) -> new int[]{row.getInt(1), row.getInt(2)})
                .single();
    }

    /** Forgets this subject's events of this kind (a successful login clears the failures for that email). */
    void forget(Kind kind, String subject) {
        jdbc.sql("delete from throttle_event where kind = :kind and subject_key = :key")
                .param("kind", kind.name()).param("key", key(subject)).update();
    }

    /** Deletes events older than the longest window; they count for nothing. Returns how many went. */
    int prune() {
        return jdbc.sql("delete from throttle_event where occurred_at < :cutoff")
                .param("cutoff", utc(clock.instant().minus(keep))).update();
    }

    /** The stored key: SHA-256 (hex) of the stripped, lower-cased subject, cut to {@value #MAX_SUBJECT} characters. */
    static String key(String subject) {
        String normalized = subject == null ? "" : subject.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > MAX_SUBJECT) {
            normalized = normalized.substring(0, MAX_SUBJECT);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

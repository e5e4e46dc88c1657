package org.compassioncourse.security;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failed logins, new accounts and password reset requests, one row each in the shared database (table {@code throttle_event}), so every node
 * of the app counts the same events and a restart forgets none. Subjects (an email, a client address) are stored only
 * as an HMAC-SHA-256 of their lower-cased form, keyed with a secret ({@link ThrottleProperties#key()}, or one kept in
 * table {@code app_secret}): fixed-size keys, nothing readable, and a stolen table cannot be matched against a list
 * of emails without the secret.
 */
@Component
public class ThrottleEvents {

    public enum Kind { LOGIN_EMAIL, LOGIN_ADDRESS, REGISTRATION_ADDRESS, RESET_EMAIL, RESET_ADDRESS }

    /** Longer subjects are cut before hashing: no email or address is this long, and hashing stays cheap. */
    static final int MAX_SUBJECT = 320;
    /** Every this many recorded events on a node, rows older than the longest window are deleted. */
    private static final int PRUNE_EVERY = 200;
    /** The name of the stored secret in {@code app_secret}. */
    static final String SECRET_NAME = "throttle-subject-key";
    /** Tries to take a subject's lock (another node may hold it, or insert its row at the same moment). */
    private static final int LOCK_TRIES = 20;
    private static final Logger LOG = LoggerFactory.getLogger(ThrottleEvents.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration keep;
    private final String configuredKey;
    private final AtomicInteger recordedSincePrune = new AtomicInteger();
    /** The HMAC secret, read (or made) on first use: by then Flyway has made the table. */
    private volatile byte @Nullable [] secret;

    public ThrottleEvents(DataSource dataSource, Clock clock, ThrottleProperties limits) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.keep = limits.longestWindow();
        this.configuredKey = limits.key();
    }

    /** One insert; now and then also deletes events too old to count. */
    public void record(Kind kind, String subject) {
        jdbc.sql("insert into throttle_event (kind, subject_key, occurred_at) values (:kind, :key, :at)")
                .param("kind", kind.name()).param("key", key(subject)).param("at", utc(clock.instant()))
                .update();
        prunedNowAndThen();
    }

    /**
     * Records one event for the subject and returns how many of its kind lay within the window before it (counted up to
     * {@code cap}), as one step no other caller can interleave with, on this node or another sharing the database: the
     * subject's row in {@code throttle_lock} stays locked from the count to the commit of the insert. So N attempts at
     * once see 0, 1, …, N-1 and at most {@code cap} of them get an answer below {@code cap}. Its own transaction,
     * committed before it returns, whatever the caller's. If the lock cannot be had after several tries (a flood at one
     * subject), answers {@code cap}: over the limit.
     */
    int countAndRecord(Kind kind, String subject, Duration window, int cap) {
        String key = key(subject);
        for (int attempt = 1; attempt <= LOCK_TRIES; attempt++) {
            try {
                return countAndRecordOnce(kind, key, window, cap);
            } catch (DuplicateKeyException | TransientDataAccessException raced) {
                // two first events for one subject inserted its lock row at once, or the lock waited too long: again
                LOG.debug("Throttle lock for {} contended (try {}): {}", kind, attempt, raced.getMessage());
            } catch (SQLException failed) {
                throw new IllegalStateException("Could not count " + kind + " events: " + failed.getMessage(), failed);
            }
        }
        LOG.warn("Throttle lock for a {} subject could not be taken after {} tries; counting the attempt as over the limit",
                kind, LOCK_TRIES);
        return cap;
    }

    private int countAndRecordOnce(Kind kind, String key, Duration window, int cap) throws SQLException {
        Instant now = clock.instant();
        // a connection of its own, not the caller's transaction's (which may be read-only, or long)
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                JdbcClient own = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                int locked = own.sql("update throttle_lock set locked_at = :at where kind = :kind and subject_key = :key")
                        .param("at", utc(now)).param("kind", kind.name()).param("key", key).update();
                if (locked == 0) {
                    // a concurrent first insert fails with a duplicate key once the other commits: the caller tries again
                    own.sql("insert into throttle_lock (kind, subject_key, locked_at) values (:kind, :key, :at)")
                            .param("kind", kind.name()).param("key", key).param("at", utc(now)).update();
                }
                int before = own.sql("select count(*) from (select 1 from throttle_event where kind = :kind and subject_key = :key"
                                + " and occurred_at > :since limit :cap) capped")
                        .param("kind", kind.name()).param("key", key).param("since", utc(now.minus(window))).param("cap", cap)
                        .query(Integer.class).single();
                own.sql("insert into throttle_event (kind, subject_key, occurred_at) values (:kind, :key, :at)")
                        .param("kind", kind.name()).param("key", key).param("at", utc(now)).update();
                connection.commit();
                prunedNowAndThen();
                return before;
            } catch (RuntimeException | SQLException failed) {
                connection.rollback();
                throw failed;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private void prunedNowAndThen() {
        if (recordedSincePrune.incrementAndGet() >= PRUNE_EVERY) {
            recordedSincePrune.set(0);
            prune();
        }
    }

    /** How many events of this kind for this subject lie within the window, counted up to {@code cap} at most. */
    public int count(Kind kind, String subject, Duration window, int cap) {
        return counts(window, kind, subject, cap, kind, subject, 0)[0];
    }

    /**
     * Two counts in one query (a login checks its email and its address together), each capped so that a flood of
     * events for one subject never makes a check slower: the index finds at most {@code cap} rows.
     */
    public int[] counts(Duration window, Kind firstKind, String firstSubject, int firstCap,
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
    public void forget(Kind kind, String subject) {
        jdbc.sql("delete from throttle_event where kind = :kind and subject_key = :key")
                .param("kind", kind.name()).param("key", key(subject)).update();
    }

    /** Forgets everything counted for this email (erasure on request): its failed logins and reset requests, and locks. */
    public void forgetEmail(String email) {
        String key = key(email);
        List<String> kinds = List.of(Kind.LOGIN_EMAIL.name(), Kind.RESET_EMAIL.name());
        jdbc.sql("delete from throttle_event where kind in (:kinds) and subject_key = :key").param("kinds", kinds).param("key", key).update();
        jdbc.sql("delete from throttle_lock where kind in (:kinds) and subject_key = :key").param("kinds", kinds).param("key", key).update();
    }

    /** Deletes events (and subject locks) older than the longest window; they count for nothing. Returns how many events went. */
    int prune() {
        OffsetDateTime cutoff = utc(clock.instant().minus(keep));
        jdbc.sql("delete from throttle_lock where locked_at < :cutoff").param("cutoff", cutoff).update();
        return jdbc.sql("delete from throttle_event where occurred_at < :cutoff").param("cutoff", cutoff).update();
    }

    /**
     * The stored key: HMAC-SHA-256 (hex) of the stripped, lower-cased subject, cut to {@value #MAX_SUBJECT} characters,
     * keyed with this app's secret.
     */
    public String key(@Nullable String subject) {
        String normalized = subject == null ? "" : subject.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > MAX_SUBJECT) {
            normalized = normalized.substring(0, MAX_SUBJECT);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    /** The configured secret, else the one in {@code app_secret}, made there by the first node that needs one. */
    private byte[] secret() {
        byte[] known = secret;
        if (known != null) {
            return known;
        }
        String text = configuredKey.isEmpty() ? storedSecret() : configuredKey;
        known = text.getBytes(StandardCharsets.UTF_8);
        secret = known;
        return known;
    }

    private String storedSecret() {
        Optional<String> stored = readStoredSecret();
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        try {
            jdbc.sql("insert into app_secret (name, secret) values (:name, :secret)")
                    .param("name", SECRET_NAME).param("secret", Base64.getEncoder().encodeToString(random)).update();
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // its secret is the one every node uses
        }
        return readStoredSecret().orElseThrow();
    }

    private Optional<String> readStoredSecret() {
        return jdbc.sql("select secret from app_secret where name = :name").param("name", SECRET_NAME).query(String.class).optional();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

package org.compassioncourse.security;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The login throttle on the real schema (H2 here; SharedLoginThrottlePostgresIT runs the sharing test on PostgreSQL). */
class LoginThrottleTest {

    private static final ThrottleProperties LIMITS = ThrottleProperties.defaults();
    private static final int PER_EMAIL = LIMITS.loginFailuresPerEmail();
    private static final int PER_ADDRESS = LIMITS.loginFailuresPerAddress();

    private final ThrottleDatabase.TestClock clock = new ThrottleDatabase.TestClock();
    private final DataSource database = ThrottleDatabase.freshH2();
    private final LoginThrottle throttle = ThrottleDatabase.node(database, clock, LIMITS);

    @Test
    void tenFailedLoginsPauseThatEmailOnlyAndTheWindowEndsThePause() {
        for (int i = 0; i < PER_EMAIL - 1; i++) {
            throttle.recordFailure("Pat@Ward7.example", "192.0.2." + i);
        }
        assertThat(throttle.isPaused("pat@ward7.example", "192.0.2.200")).as("nine failures").isFalse();
        throttle.recordFailure(" pat@ward7.example ", "192.0.2.99");
        assertThat(throttle.isPaused("PAT@ward7.example", "192.0.2.200")).as("ten, in any spelling of the email, from any address").isTrue();
        assertThat(throttle.isPaused("sam@ward7.example", "192.0.2.200")).as("other accounts are not affected").isFalse();

        clock.advance(LIMITS.loginWindow().plusSeconds(1));
        assertThat(throttle.isPaused("pat@ward7.example", "192.0.2.200")).isFalse();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotAddUp() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("slow@ward7.example", "192.0.2.1");
            clock.advance(Duration.ofMinutes(2));
        }
        assertThat(throttle.isPaused("slow@ward7.example", "192.0.2.1")).as("at most 8 within any 15 minutes").isFalse();
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailuresForThatEmail() {
        for (int i = 0; i < PER_EMAIL - 1; i++) {
            throttle.recordFailure("ok@ward7.example", "192.0.2.1");
        }
        throttle.recordSuccess("ok@ward7.example");
        throttle.recordFailure("ok@ward7.example", "192.0.2.1");
        assertThat(throttle.isPaused("ok@ward7.example", "192.0.2.1")).isFalse();
    }

    @Test
    void fiftyFailuresFromOneAddressPauseEveryLoginFromItButNotFromOtherAddresses() {
        // a spray: one guess each at many accounts, never ten at one
        for (int i = 0; i < PER_ADDRESS - 1; i++) {
            throttle.recordFailure("nurse" + i + "@ward7.example", "198.51.100.7");
        }
        assertThat(throttle.isPaused("someone@ward7.example", "198.51.100.7")).as("49 failures").isFalse();
        throttle.recordFailure("nurse-last@ward7.example", "198.51.100.7");
        assertThat(throttle.isPaused("someone@ward7.example", "198.51.100.7")).as("50: every email from that address").isTrue();
        assertThat(throttle.isPaused("someone@ward7.example", "198.51.100.8")).as("the same email from elsewhere").isFalse();

        throttle.recordSuccess("nurse-last@ward7.example");
        assertThat(throttle.isPaused("someone@ward7.example", "198.51.100.7"))
                .as("a success of the guesser's own account does not reset the address").isTrue();
        clock.advance(LIMITS.loginWindow().plusSeconds(1));
        assertThat(throttle.isPaused("someone@ward7.example", "198.51.100.7")).isFalse();
    }

    @Test
    void twoNodesSharingOneDatabaseSeeEachOthersFailuresAndARestartForgetsNone() {
        LoginThrottle otherNode = ThrottleDatabase.node(database, clock, LIMITS);
        for (int i = 0; i < PER_EMAIL; i++) {
            (i % 2 == 0 ? throttle : otherNode).recordFailure("shared@ward7.example", "192.0.2.1");
        }
        assertThat(throttle.isPaused("shared@ward7.example", "192.0.2.2")).as("five failures here, five there").isTrue();
        assertThat(otherNode.isPaused("shared@ward7.example", "192.0.2.2")).isTrue();

        LoginThrottle restarted = ThrottleDatabase.node(database, clock, LIMITS);
        assertThat(restarted.isPaused("shared@ward7.example", "192.0.2.2")).as("a new instance, as after a restart").isTrue();
        otherNode.recordSuccess("shared@ward7.example");
        assertThat(throttle.isPaused("shared@ward7.example", "192.0.2.2")).as("a success on one node clears it on all").isFalse();
    }

    @Test
    void storedKeysAreFixedSizeHashesWithoutTheEmailOrAddress() {
        String huge = "x".repeat(100_000) + "@ward7.example";
        throttle.recordFailure(huge, "203.0.113.9");
        throttle.recordFailure("readable@ward7.example", "203.0.113.9");

        JdbcTemplate jdbc = new JdbcTemplate(database);
        assertThat(jdbc.queryForList("select subject_key from throttle_event", String.class))
                .hasSize(4)
                .allSatisfy(key -> assertThat(key).hasSize(64).matches("[0-9a-f]+")
                        .doesNotContain("readable").doesNotContain("203.0.113"));
        assertThat(throttle.isPaused(huge, "203.0.113.9")).isFalse();
    }

    @Test
    void eventsOlderThanTheLongestWindowArePruned() {
        ThrottleEvents events = new ThrottleEvents(database, clock, LIMITS);
        events.record(ThrottleEvents.Kind.LOGIN_EMAIL, "old@ward7.example");
        events.record(ThrottleEvents.Kind.REGISTRATION_ADDRESS, "192.0.2.1");
        clock.advance(Duration.ofMinutes(30));
        events.record(ThrottleEvents.Kind.LOGIN_EMAIL, "recent@ward7.example");

        assertThat(events.prune()).as("30 minutes old, but a registration counts for an hour").isZero();
        clock.advance(LIMITS.registrationWindow().minusMinutes(15));
        events.record(ThrottleEvents.Kind.LOGIN_EMAIL, "new@ward7.example");
        assertThat(events.prune()).as("the two from 75 minutes ago; the one from 45 minutes ago stays").isEqualTo(2);
        assertThat(new JdbcTemplate(database).queryForObject("select count(*) from throttle_event", Integer.class)).isEqualTo(2);
    }

    @Test
    void recordingPrunesNowAndThenSoTheTableStaysBounded() {
        for (int i = 0; i < 150; i++) {
            throttle.recordFailure("spray" + i + "@ward7.example", null);
        }
        clock.advance(LIMITS.registrationWindow().plusSeconds(1));
        for (int i = 0; i < 100; i++) {
            throttle.recordFailure("later" + i + "@ward7.example", null);
        }
        assertThat(new JdbcTemplate(database).queryForObject("select count(*) from throttle_event", Integer.class))
                .as("the 150 old rows went when the 200th event was recorded; 100 recent ones stay").isEqualTo(100);
    }

    @Test
    void thirtyParallelAttemptsOnTwoNodesLetExactlyTheLimitThroughAndPauseTheRest() throws Exception {
        LoginThrottle otherNode = ThrottleDatabase.node(database, clock, LIMITS);

        int admitted = ThrottleDatabase.admittedOfParallelAttempts("burst@ward7.example", 3 * PER_EMAIL, throttle, otherNode);

        assertThat(admitted).as("counted one by one under the email's lock").isEqualTo(PER_EMAIL);
        assertThat(throttle.isPaused("burst@ward7.example", null)).isTrue();
    }

    @Test
    void storedKeysAreKeyedHashesThatDifferBetweenSecretsAndNodesSharingADatabaseAgree() {
        ThrottleEvents events = new ThrottleEvents(database, clock, LIMITS);
        String email = "pat@ward7.example";
        String plainSha256 = java.util.HexFormat.of().formatHex(sha256(email));

        assertThat(events.key(email)).hasSize(64).isNotEqualTo(plainSha256);
        assertThat(new ThrottleEvents(database, clock, LIMITS).key(" PAT@ward7.example"))
                .as("another node on the same database: the same secret, from table app_secret").isEqualTo(events.key(email));
        assertThat(new JdbcTemplate(database).queryForObject("select count(*) from app_secret", Integer.class)).isEqualTo(1);
        assertThat(new ThrottleEvents(ThrottleDatabase.freshH2(), clock, LIMITS).key(email))
                .as("another database made its own secret").isNotEqualTo(events.key(email));
        ThrottleProperties configured = new ThrottleProperties(10, 50, Duration.ofMinutes(15), 5, Duration.ofHours(1), 3, 10,
                Duration.ofHours(1), "a-configured-secret-of-at-least-32-characters");
        assertThat(new ThrottleEvents(database, clock, configured).key(email)).as("a configured secret wins")
                .isNotEqualTo(events.key(email))
                .isEqualTo(new ThrottleEvents(ThrottleDatabase.freshH2(), clock, configured).key(email));
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}

package org.compassioncourse.account;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    /** A clock the test moves forward. */
    private static final class TestClock extends Clock {
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

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void tenFailedLoginsPauseThatEmailOnlyAndTheWindowEndsThePause() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.recordFailure("Pat@Ward7.example");
        }
        assertThat(throttle.isPaused("pat@ward7.example")).as("nine failures").isFalse();
        throttle.recordFailure(" pat@ward7.example ");
        assertThat(throttle.isPaused("PAT@ward7.example")).as("ten, in any spelling of the email").isTrue();
        assertThat(throttle.isPaused("sam@ward7.example")).as("other accounts are not affected").isFalse();

        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        assertThat(throttle.isPaused("pat@ward7.example")).isFalse();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotAddUp() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("slow@ward7.example");
            clock.advance(Duration.ofMinutes(2));
        }
        assertThat(throttle.isPaused("slow@ward7.example")).as("at most 8 within any 15 minutes").isFalse();
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailures() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.recordFailure("ok@ward7.example");
        }
        throttle.recordSuccess("ok@ward7.example");
        throttle.recordFailure("ok@ward7.example");
        assertThat(throttle.isPaused("ok@ward7.example")).isFalse();
    }
}

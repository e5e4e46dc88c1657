package org.compassioncourse.account;

import org.compassioncourse.security.TestThrottle;

import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Benchmark, not a check: how long a failed login takes for an email with an account (wrong password), for one
 * without, and for a paused account, through Spring's own login step with the app's beans (the form login's path
 * minus HTTP). The three kinds are interleaved so that machine load hits them alike; prints medians and quartiles.
 * Not part of the test suite (its name does not end in Test); run it with
 * {@code ./mvnw test -Dtest=LoginTimingBenchmark -Dbenchmark.logins=300}.
 */
@ApplicationTest
class LoginTimingBenchmark {

    private static final int LOGINS = Integer.getInteger("benchmark.logins", 200);

    @Autowired
    AccountService accountService;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void printMillisecondsPerFailedLogin() {
        DaoAuthenticationProvider login = new DaoAuthenticationProvider(users);
        login.setPasswordEncoder(passwordEncoder);
        String known = "timing-" + UUID.randomUUID() + "@ward7.example";
        String paused = "timing-paused-" + UUID.randomUUID() + "@ward7.example";
        accountService.registerLearner(new RegistrationForm("Tim Timing", known, "calm-harbour-lantern"));
        accountService.registerLearner(new RegistrationForm("Pat Paused", paused, "calm-harbour-lantern"));
        long[][] nanos = new long[3][LOGINS];
        for (int warmUp = 0; warmUp < 20; warmUp++) {
            attempt(login, "warm-up-" + warmUp + "@ward7.example");
            attempt(login, paused); // ten of these pause it
        }
        for (int i = 0; i < LOGINS; i++) {
            // the per-email limit would pause the known account after 10: forget its failures (not the paused one's)
            jdbc.update("delete from throttle_event where kind = 'LOGIN_EMAIL' and subject_key = ?", TestThrottle.key(jdbc, known));
            int first = i % 3;
            for (int k = 0; k < 3; k++) {
                int kind = (first + k) % 3;
                String email = switch (kind) {
                    case 0 -> known;
                    case 1 -> "nobody-" + i + "-" + UUID.randomUUID() + "@ward7.example";
                    default -> paused;
                };
                nanos[kind][i] = attempt(login, email);
            }
        }
        List<String> lines = new ArrayList<>();
        String[] labels = {"known email, wrong password", "unknown email", "paused account"};
        for (int kind = 0; kind < 3; kind++) {
            long[] sorted = nanos[kind].clone();
            Arrays.sort(sorted);
            lines.add(String.format(Locale.ROOT, "login timing %-28s n=%d  p25=%.1f ms  median=%.1f ms  p75=%.1f ms", labels[kind],
                    LOGINS, sorted[LOGINS / 4] / 1e6, sorted[LOGINS / 2] / 1e6, sorted[LOGINS * 3 / 4] / 1e6));
        }
        lines.forEach(System.out::println);
    }

    private static long attempt(DaoAuthenticationProvider login, String email) {
        long start = System.nanoTime();
        try {
            login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, "wrong-password"));
            throw new IllegalStateException("a wrong password logged in");
        } catch (org.springframework.security.core.AuthenticationException refused) {
            return System.nanoTime() - start;
        }
    }
}

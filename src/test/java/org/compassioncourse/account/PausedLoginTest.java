package org.compassioncourse.account;

import org.compassioncourse.security.LoginThrottle;
import org.compassioncourse.security.ThrottleProperties;

import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paused login answers like any failed one, with the same work: one password hash checked, whether the email
 * belongs to an account or not, so neither the answer nor its timing tells a guesser which accounts exist.
 */
@ApplicationTest
class PausedLoginTest {

    @Autowired
    AccountService accountService;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    ThrottleProperties limits;
    @Autowired
    PasswordEncoder realEncoder;
    @Autowired
    JdbcTemplate jdbc;

    private final AtomicInteger passwordChecks = new AtomicInteger();

    @AfterEach
    void forgetFailures() {
        jdbc.update("delete from throttle_event");
    }

    /** Spring's own login step, as the form login runs it, with a password encoder that counts its checks. */
    private DaoAuthenticationProvider login() {
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return realEncoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                passwordChecks.incrementAndGet();
                return realEncoder.matches(raw, encoded);
            }
        };
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new AccountUserDetailsService(accounts, throttle, counting));
        provider.setPasswordEncoder(counting);
        return provider;
    }

    /** The exception a login attempt ends with, and how many password hashes it checked. */
    private Class<?> attempt(DaoAuthenticationProvider login, String email, String password) {
        passwordChecks.set(0);
        try {
            login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
            return Void.class;
        } catch (RuntimeException refused) {
            return refused.getClass();
        }
    }

    @Test
    void pausedAccountUnknownEmailAndWrongPasswordAllCostOnePasswordCheckAndGiveTheSameAnswer() {
        String paused = "paused-" + UUID.randomUUID() + "@ward7.example";
        String open = "open-" + UUID.randomUUID() + "@ward7.example";
        accountService.registerLearner(new RegistrationForm("Paula Paused", paused, "calm-harbour-lantern"));
        accountService.registerLearner(new RegistrationForm("Otto Open", open, "calm-harbour-lantern"));
        String unknown = "nobody-" + UUID.randomUUID() + "@ward7.example";
        for (int i = 0; i < limits.loginFailuresPerEmail(); i++) {
            throttle.recordFailure(paused, null);
            throttle.recordFailure(unknown, null);
        }
        DaoAuthenticationProvider login = login();
        attempt(login, "warm-up@ward7.example", "x"); // Spring hashes its own dummy password on first use

        assertThat(attempt(login, paused, "calm-harbour-lantern")).as("paused, right password").isEqualTo(BadCredentialsException.class);
        assertThat(passwordChecks).as("paused account: one hash checked").hasValue(1);
        assertThat(attempt(login, unknown, "calm-harbour-lantern")).as("unknown email").isEqualTo(BadCredentialsException.class);
        assertThat(passwordChecks).as("unknown email: one hash checked").hasValue(1);
        assertThat(attempt(login, open, "wrong-password")).as("wrong password").isEqualTo(BadCredentialsException.class);
        assertThat(passwordChecks).as("wrong password: one hash checked").hasValue(1);
        assertThat(attempt(login, open, "calm-harbour-lantern")).as("not paused, right password").isEqualTo(Void.class);
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;

    @Test
    void aBurstOfParallelWrongPasswordsPausesTheAccountSoTheRightPasswordRightAfterIsRefused() throws Exception {
        String email = "burst-" + UUID.randomUUID() + "@ward7.example";
        String password = "calm-harbour-lantern";
        accountService.registerLearner(new RegistrationForm("Bea Burst", email, password));
        int burst = 3 * limits.loginFailuresPerEmail();
        // Every wrong guess passes the throttle, then waits inside its password check until the right password has
        // been tried: the widest possible race, the one a real burst hits when Argon2 keeps the guesses busy.
        java.util.concurrent.CountDownLatch guessesChecking = new java.util.concurrent.CountDownLatch(burst);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        PasswordEncoder slowForGuesses = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return realEncoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                if (!password.contentEquals(raw)) {
                    guessesChecking.countDown();
                    try {
                        release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                    }
                }
                return realEncoder.matches(raw, encoded);
            }
        };
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new AccountUserDetailsService(accounts, throttle, slowForGuesses));
        provider.setPasswordEncoder(slowForGuesses);
        org.springframework.security.authentication.ProviderManager login = new org.springframework.security.authentication.ProviderManager(provider);
        // failures and successes reach LoginThrottle as they do from the form login
        login.setAuthenticationEventPublisher(new org.springframework.security.authentication.DefaultAuthenticationEventPublisher(publisher));

        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(burst)) {
            List<java.util.concurrent.Future<Class<?>>> guesses = new java.util.ArrayList<>();
            for (int i = 0; i < burst; i++) {
                int guess = i;
                guesses.add(pool.submit(() -> {
                    try {
                        login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, "guess-" + guess));
                        return Void.class;
                    } catch (RuntimeException refused) {
                        return refused.getClass();
                    }
                }));
            }
            assertThat(guessesChecking.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("every guess is being checked").isTrue();

            Class<?> rightPassword;
            try {
                login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
                rightPassword = Void.class;
            } catch (RuntimeException refused) {
                rightPassword = refused.getClass();
            }
            release.countDown();
            for (var guess : guesses) {
                assertThat(guess.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(BadCredentialsException.class);
            }
            assertThat(rightPassword).as("the right password after " + burst + " parallel wrong ones is paused too")
                    .isEqualTo(BadCredentialsException.class);
        }
    }
}

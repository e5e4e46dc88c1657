package org.compassioncourse.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Limits against password guessing and mass registration, counted across every node sharing the database.
 * A pause lasts until the events behind it are older than the window.
 *
 * @param loginFailuresPerEmail   failed logins for one email within {@code loginWindow} that pause logging in to it
 * @param loginFailuresPerAddress failed logins from one client address within {@code loginWindow} that pause every
 *                                login from it (higher: a hospital network may share one address)
 * @param registrationsPerAddress new accounts from one client address within {@code registrationWindow}
 * @param resetRequestsPerEmail   password reset links asked for one email within {@code resetWindow}; more are
 *                                answered as usual but send nothing (so a stranger cannot flood someone's mailbox)
 * @param resetRequestsPerAddress password reset requests from one client address within {@code resetWindow}
 * @param key                     the secret the stored subjects (emails, addresses) are keyed with (HMAC-SHA-256), at
 *                                least 32 characters; empty (the default): a random one, made once and kept in the
 *                                database (table {@code app_secret}), so every node sharing it uses the same. Set it
 *                                (e.g. the environment variable {@code COURSE_THROTTLE_KEY}) to keep the key out of the
 *                                database and its backups.
 */
@ConfigurationProperties("course.throttle")
public record ThrottleProperties(
        @DefaultValue("10") int loginFailuresPerEmail,
        @DefaultValue("50") int loginFailuresPerAddress,
        @DefaultValue("15m") Duration loginWindow,
        @DefaultValue("5") int registrationsPerAddress,
        @DefaultValue("1h") Duration registrationWindow,
        @DefaultValue("3") int resetRequestsPerEmail,
        @DefaultValue("10") int resetRequestsPerAddress,
        @DefaultValue("1h") Duration resetWindow,
        @DefaultValue("") String key) {

    /** The defaults documented in the README. */
    public static ThrottleProperties defaults() {
        return new ThrottleProperties(10, 50, Duration.ofMinutes(15), 5, Duration.ofHours(1), 3, 10, Duration.ofHours(1), "");
    }

    public ThrottleProperties {
        if (!key.isEmpty() && key.length() < 32) {
            throw new IllegalArgumentException("course.throttle.key must have at least 32 characters (or be left empty for a"
                    + " random one kept in the database); it has " + key.length());
        }
    }

    /** Events older than this count for nothing and may be deleted. */
    Duration longestWindow() {
        Duration longest = loginWindow.compareTo(registrationWindow) >= 0 ? loginWindow : registrationWindow;
        return longest.compareTo(resetWindow) >= 0 ? longest : resetWindow;
    }
}

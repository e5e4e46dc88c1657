package org.compassioncourse.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Password reset links.
 *
 * @param linkLifetime      how long a link someone asks for by email works (60 minutes)
 * @param adminLinkLifetime how long a link an administrator issues works (24 hours: it is handed over in person or
 *                          by phone, which takes longer than opening a mail)
 * @param publicUrl         the app's address as users reach it, for the links in mails (e.g.
 *                          {@code https://learning.hospital.org}); never taken from the request's Host header, which
 *                          a requester could set to their own site and so receive other people's links
 * @param mailFrom          the sender of reset mails
 */
@ConfigurationProperties("course.password-reset")
public record PasswordResetProperties(
        @DefaultValue("60m") Duration linkLifetime,
        @DefaultValue("24h") Duration adminLinkLifetime,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("Compassion Course <no-reply@localhost>") String mailFrom) {

    /** The link that opens the reset page for this token. */
    String linkFor(String token) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/reset/" + token;
    }
}

package org.compassioncourse.security;

import org.compassioncourse.support.LoginPage;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Requests that claim, in {@code X-Forwarded-For}, to come from another address, as a proxy would forward them or a
 * client would fake them; and what the app's address-based limits then counted. The test client itself connects from
 * 127.0.0.1.
 */
final class ForwardedFor {

    static final String HEADER = "X-Forwarded-For";
    /** What Chromium or curl on this machine connect from. */
    static final String LOOPBACK = "127.0.0.1";

    private ForwardedFor() {
    }

    /** A wrong password for an unknown email, through the real login form, claiming to come from {@code claimed}. */
    static void failedLogin(String baseUrl, String claimed) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = LoginPage.csrfToken(client, baseUrl).orElseThrow();
        String form = "username=" + URLEncoder.encode("nobody-" + System.nanoTime() + "@ward7.example", StandardCharsets.UTF_8)
                + "&password=wrong-password&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header(HEADER, claimed)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 302) {
            throw new AssertionError("a failed login answers with a redirect to the login page, not " + response.statusCode());
        }
    }

    /** Failed logins counted against this client address (the shared throttle table). */
    static long loginFailuresCountedFor(JdbcTemplate jdbc, String address) {
        return jdbc.queryForObject("select count(*) from throttle_event where kind = 'LOGIN_ADDRESS' and subject_key = ?",
                Long.class, TestThrottle.key(jdbc, address));
    }

}

package org.compassioncourse.security;

import org.compassioncourse.account.AccountService;
import org.compassioncourse.account.RegistrationForm;

import org.compassioncourse.support.LoginPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real login endpoint: password guessing is paused after ten wrong passwords for one account, or fifty from one
 * client address; pages carry security headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "course.content-dir=course-content")
@ActiveProfiles("test")
class LoginThrottleIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    ThrottleProperties limits;
    @Autowired
    JdbcTemplate jdbc;

    /** Every test (and every other test class sharing this in-memory database) starts with no failures counted. */
    @BeforeEach
    @AfterEach
    void forgetFailures() {
        jdbc.update("delete from throttle_event");
    }

    /** Where the login form sends the browser: "/" on success, "/login?error" on failure. */
    private String logIn(String email, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        // the login form needs the CSRF token of its page, as a browser's does (see WebSecurityIT)
        String base = "http://localhost:" + port;
        HttpResponse<Void> response = LoginPage.post(client, base, email, password, LoginPage.csrfToken(client, base));
        assertThat(response.statusCode()).isEqualTo(302);
        return URI.create(response.headers().firstValue("Location").orElseThrow()).getPath()
                + (URI.create(response.headers().firstValue("Location").orElseThrow()).getQuery() == null ? "" : "?error");
    }

    @Test
    void pagesSendSecurityHeaders() throws Exception {
        // the login page (which Vaadin serves outside Spring Security's filters) and a page behind the login
        for (String path : new String[]{"/login", "/progress"}) {
            HttpResponse<Void> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .build(), HttpResponse.BodyHandlers.discarding());
            assertThat(page.headers().allValues("X-Content-Type-Options")).as(path).containsExactly("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("object-src 'none'", "frame-ancestors 'self'"));
        }
    }

    @Test
    void tenWrongPasswordsPauseLoginForThatAccountEvenWithTheRightPassword() throws Exception {
        String guessed = "guessed-" + UUID.randomUUID() + "@ward7.example";
        String other = "other-" + UUID.randomUUID() + "@ward7.example";
        accounts.registerLearner(new RegistrationForm("Gus Guessed", guessed, "calm-harbour-lantern"));
        accounts.registerLearner(new RegistrationForm("Olga Other", other, "calm-harbour-lantern"));

        assertThat(logIn(guessed, "calm-harbour-lantern")).as("the right password works at first").isEqualTo("/");
        for (int i = 0; i < limits.loginFailuresPerEmail(); i++) {
            assertThat(logIn(guessed, "wrong-guess-" + i)).isEqualTo("/login?error");
        }
        assertThat(logIn(guessed, "calm-harbour-lantern")).as("paused after ten failures").isEqualTo("/login?error");
        assertThat(logIn(other, "calm-harbour-lantern")).as("other accounts log in as usual").isEqualTo("/");
    }

    @Test
    void fiftyWrongPasswordsFromOneAddressPauseEveryLoginFromItEvenForAnAccountNeverGuessed() throws Exception {
        String untouched = "untouched-" + UUID.randomUUID() + "@ward7.example";
        accounts.registerLearner(new RegistrationForm("Una Untouched", untouched, "calm-harbour-lantern"));

        // a spray: fewer than ten guesses per account, so no single account pauses
        for (int i = 0; i < limits.loginFailuresPerAddress(); i++) {
            assertThat(logIn("sprayed-" + (i % 10) + "@ward7.example", "wrong-guess-" + i)).isEqualTo("/login?error");
        }
        assertThat(logIn(untouched, "calm-harbour-lantern"))
                .as("this client's address is paused, so even the right password of another account is refused")
                .isEqualTo("/login?error");
    }
}

package org.compassioncourse.security;

import org.compassioncourse.account.AccountService;
import org.compassioncourse.account.RegistrationForm;

import com.vaadin.flow.spring.SpringServlet;
import jakarta.servlet.ServletContext;
import org.compassioncourse.support.LoginPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.test.context.ActiveProfiles;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's HTTP face, as a plain client (or an attacker's page) meets it: deny by default, the same security headers
 * on every response, a login form that needs its CSRF token, and sessions that end when idle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "course.content-dir=course-content")
@ActiveProfiles("test")
class WebSecurityIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    ServletRegistrationBean<SpringServlet> vaadinServlet;
    @Autowired
    ServletContext servletContext;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String base() {
        return "http://localhost:" + port;
    }

    private static HttpClient browserLike() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private HttpResponse<Void> get(HttpClient client, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void anonymousRequestsToAddressesThatAreNotVaadinsOrPublicAreSentToLogIn() throws Exception {
        // (health answers anonymously, status only, for the load balancer: see HealthProbeSecurity; metrics do not)
        for (String path : new String[]{"/api/x", "/actuator/x", "/actuator/prometheus", "/actuator/env", "/h2-console",
                "/some/unknown/file.json"}) {
            HttpResponse<Void> response = get(HttpClient.newHttpClient(), path);
            assertThat(response.statusCode()).as(path).isIn(302, 401);
            if (response.statusCode() == 302) {
                assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(
                        location -> assertThat(URI.create(location).getPath()).isEqualTo("/login"));
            }
        }
    }

    @Test
    void publicPagesAndResourcesStillLoadForAnonymousVisitors() throws Exception {
        for (String path : new String[]{"/login", "/register", "/styles/app.css", "/icons/favicon.svg"}) {
            assertThat(get(HttpClient.newHttpClient(), path).statusCode()).as(path).isEqualTo(200);
        }
        // a join link needs an account: the visitor is asked to log in and comes back to it (JoinCohortView)
        HttpResponse<Void> join = get(HttpClient.newHttpClient(), "/join/ABCDEFGH");
        assertThat(join.statusCode()).isEqualTo(302);
        assertThat(join.headers().firstValue("Location").map(l -> URI.create(l).getPath())).contains("/login");
    }

    @Test
    void everyResponseCarriesTheSameSecurityHeadersTheLoginPageToo() throws Exception {
        for (String path : new String[]{"/login", "/register", "/progress", "/api/x", "/styles/app.css"}) {
            HttpResponse<Void> response = get(HttpClient.newHttpClient(), path);
            assertThat(response.headers().allValues("Content-Security-Policy")).as(path)
                    .containsExactly(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(response.headers().allValues("X-Frame-Options")).as(path).containsExactly("SAMEORIGIN");
            assertThat(response.headers().allValues("X-Content-Type-Options")).as(path).containsExactly("nosniff");
            assertThat(response.headers().firstValue("Permissions-Policy")).as(path)
                    .hasValueSatisfying(policy -> assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()"));
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path + " over plain HTTP").isEmpty();
        }
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("default-src 'self'", "script-src ", "style-src ",
                "img-src ", "connect-src 'self'", "frame-ancestors 'self'", "base-uri 'self'", "form-action 'self'",
                "object-src 'none'");
    }

    @Test
    void requestsTomcatSendsStraightToTheErrorPageCarryTheSecurityHeadersToo() throws Exception {
        // a raw request, so no client tidies the path first
        for (String path : new String[]{"/VAADIN/../WEB-INF/web.xml", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF"}) {
            String response;
            try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
            assertThat(head).as(path).doesNotStartWith("http/1.1 200")
                    .contains("content-security-policy: " + SecurityHeaders.CONTENT_SECURITY_POLICY.toLowerCase(java.util.Locale.ROOT))
                    .contains("x-frame-options: sameorigin").contains("x-content-type-options: nosniff")
                    .contains("referrer-policy: same-origin").contains("permissions-policy: ");
        }
    }

    @Test
    void forwardedHeadersFromAClientThatIsNoConfiguredProxyAreIgnored() throws Exception {
        // no proxy is trusted by default: the test client (127.0.0.1, a loopback address Tomcat itself would trust)
        // can claim neither https nor another address
        HttpResponse<Void> response = get(HttpClient.newHttpClient(), "/progress", "X-Forwarded-Proto", "https",
                ForwardedFor.HEADER, "198.51.100.23");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).startsWith("http://"));

        // the per-address login pause counts the real address, whatever the header says
        long fromLoopback = ForwardedFor.loginFailuresCountedFor(jdbc, ForwardedFor.LOOPBACK);
        ForwardedFor.failedLogin(base(), "198.51.100.23");
        ForwardedFor.failedLogin(base(), "198.51.100.24");
        assertThat(ForwardedFor.loginFailuresCountedFor(jdbc, ForwardedFor.LOOPBACK)).isEqualTo(fromLoopback + 2);
        assertThat(ForwardedFor.loginFailuresCountedFor(jdbc, "198.51.100.23")).isZero();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<Void> login = get(HttpClient.newHttpClient(), "/login");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void aLoginPostWithoutTheLoginPagesCsrfTokenLogsNobodyIn() throws Exception {
        String email = "csrf-" + UUID.randomUUID() + "@ward7.example";
        accounts.registerLearner(new RegistrationForm("Cara Csrf", email, "calm-harbour-lantern"));

        // a forged cross-site form: right email and password, but no token from this site's login page
        HttpClient victim = browserLike();
        get(victim, "/login");
        assertRefusedAndStillLoggedOut(victim, LoginPage.post(victim, base(), email, "calm-harbour-lantern", Optional.empty()));
        // a made-up token is refused as well
        assertRefusedAndStillLoggedOut(victim, LoginPage.post(victim, base(), email, "calm-harbour-lantern", Optional.of("forged-token")));

        // the real login form sends the token Vaadin put into the login page
        HttpClient learner = browserLike();
        Optional<String> token = LoginPage.csrfToken(learner, base());
        assertThat(token).as("the login page's _csrf meta tag").isPresent();
        HttpResponse<Void> real = LoginPage.post(learner, base(), email, "calm-harbour-lantern", token);
        assertThat(real.statusCode()).isEqualTo(302);
        assertThat(real.headers().firstValue("Location").map(l -> URI.create(l).getPath())).contains("/");
        assertThat(get(learner, "/progress").statusCode()).as("logged in").isEqualTo(200);
    }

    /** Refused: a 403 (shown as the login page again, since the error page needs a login), never the course. */
    private void assertRefusedAndStillLoggedOut(HttpClient client, HttpResponse<Void> response) throws Exception {
        if (response.statusCode() == 302) {
            assertThat(response.headers().firstValue("Location").map(l -> URI.create(l).getPath())).contains("/login");
        } else {
            assertThat(response.statusCode()).isEqualTo(403);
        }
        HttpResponse<Void> page = get(client, "/progress");
        assertThat(page.statusCode()).as("still logged out").isEqualTo(302);
        assertThat(page.headers().firstValue("Location").map(l -> URI.create(l).getPath())).contains("/login");
    }

    @Test
    void idleSessionsAreClosedAfterThirtyMinutesByDefaultHeartbeatsNotCounting() throws Exception {
        get(HttpClient.newHttpClient(), "/login"); // Vaadin's servlet is initialised by its first request
        assertThat(vaadinServlet.getServlet().getService().getDeploymentConfiguration().isCloseIdleSessions()).isTrue();
        assertThat(servletContext.getSessionTimeout()).as("minutes, from course.session.idle-minutes").isEqualTo(30);
    }
}

package org.compassioncourse.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app behind a proxy it was told to trust ({@code TRUSTED_PROXIES}, here the test client's own 127.0.0.1, as
 * ops/run-cluster.sh sets it for HAProxy): the scheme and the visitor's address come from the forwarded headers, so
 * HSTS is sent and the address limits count each visitor. WebSecurityIT checks the default, where no proxy is trusted.
 * The login's address is the one checked here; registration, password reset requests and /verify read the same
 * {@code request.getRemoteAddr()} that Tomcat's RemoteIpValve sets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"course.content-dir=course-content", "TRUSTED_PROXIES=127.0.0.1/32"})
@ActiveProfiles("test")
class TrustedProxyIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void behindATrustedTlsProxyTheAppSeesHttpsAndSendsHsts() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/progress"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.headers().firstValue("Strict-Transport-Security")).contains(SecurityHeaders.STRICT_TRANSPORT_SECURITY);
        assertThat(response.headers().firstValue("Location")).as("redirect keeps the proxy's scheme")
                .hasValueSatisfying(location -> assertThat(location).startsWith("https://"));
    }

    @Test
    void theLimitsCountTheVisitorsAddressTheTrustedProxyForwards() throws Exception {
        long fromLoopback = ForwardedFor.loginFailuresCountedFor(jdbc, ForwardedFor.LOOPBACK);
        ForwardedFor.failedLogin(base(), "198.51.100.23");
        assertThat(ForwardedFor.loginFailuresCountedFor(jdbc, "198.51.100.23")).isEqualTo(1);
        assertThat(ForwardedFor.loginFailuresCountedFor(jdbc, ForwardedFor.LOOPBACK)).as("not the proxy's").isEqualTo(fromLoopback);

        // a proxy appends the address it saw; what the client wrote before it is not believed
        ForwardedFor.failedLogin(base(), "203.0.113.250, 198.51.100.24");
        assertThat(ForwardedFor.loginFailuresCountedFor(jdbc, "198.51.100.24")).isEqualTo(1);
        assertThat(ForwardedFor.loginFailuresCountedFor(jdbc, "203.0.113.250")).isZero();
    }
}

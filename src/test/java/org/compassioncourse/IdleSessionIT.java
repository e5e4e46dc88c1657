package org.compassioncourse;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.compassioncourse.support.Browser;
import org.compassioncourse.support.BrowserExtension;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A login left open on a shared computer ends although the tab keeps sending Vaadin's heartbeats.
 * <p>
 * The idle limit is not ours to fake with the injected {@code Clock}: Vaadin ({@code vaadin.closeIdleSessions}) compares
 * {@code System.currentTimeMillis()} with the HTTP session's max-inactive interval, which Spring Boot sets on Tomcat only
 * in whole minutes (at least one). So this test gives each HTTP session an eight-second interval when it is created (the
 * app sets 30 minutes from {@code course.session.idle-minutes}) and a one-second heartbeat (the default is five
 * minutes), then waits for the login to end rather than sleeping a fixed time. It checks the login was ended while the
 * tab was still sending heartbeats, i.e. by Vaadin's idle check and {@code IdleSessionLogout}, not by Tomcat expiring a
 * silent session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.heartbeatInterval=1")
@ActiveProfiles("test")
@Import({IdleSessionIT.ShortIdleTime.class, Learners.class})
class IdleSessionIT {

    static final Duration IDLE = Duration.ofSeconds(8);

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();
    @Autowired
    Learners people;
    @Autowired
    EndedLogins endedLogins;

    @Test
    void aTabLeftOpenWithOnlyHeartbeatsIsLoggedOutAfterTheIdleTimeAndTheLearnerCanLogInAgain() {
        String email = people.learner("Ida Idle").getUsername();
        Browser browser = browsers.browser();
        browser.open("login");
        long loginStarted = System.currentTimeMillis();
        logIn(browser, email);
        browser.waitForPath("");
        assertThat(browser.textOf(By.id("current-user-name"))).isEqualTo("Ida Idle");

        // no clicks, no typing: only the heartbeats of the open tab, until the server ends the login
        EndedLogin ended = await().atMost(IDLE.multipliedBy(4)).pollInterval(Duration.ofMillis(200))
                .until(() -> endedLogins.of(email), found -> found != null);
        assertThat(ended.endedAt() - loginStarted)
                .as("the login lasts at least the idle time")
                .isGreaterThanOrEqualTo(IDLE.toMillis());
        assertThat(ended.endedAt() - ended.lastRequestAt())
                .as("the tab was still sending heartbeats when the login ended")
                .isLessThan(IDLE.toMillis() / 2);

        browser.open("progress");
        browser.waitForPath("login");
        logIn(browser, email);
        browser.waitForPath("progress");
        assertThat(browser.textOf(By.id("current-user-name"))).isEqualTo("Ida Idle");
    }

    private static void logIn(Browser browser, String email) {
        browser.waitFor(By.cssSelector("#vaadinLoginUsername input")).sendKeys(email);
        browser.waitFor(By.cssSelector("#vaadinLoginPassword input")).sendKeys("calm-harbour-lantern", Keys.ENTER);
    }

    record EndedLogin(long endedAt, long lastRequestAt) {
    }

    /** Gives every HTTP session the short idle time, and notes which logins ended and when. */
    static final class EndedLogins implements HttpSessionListener {

        private final Map<String, EndedLogin> byEmail = new ConcurrentHashMap<>();

        @Override
        public void sessionCreated(HttpSessionEvent event) {
            event.getSession().setMaxInactiveInterval((int) IDLE.toSeconds());
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            HttpSession session = event.getSession();
            if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                    instanceof SecurityContext context && context.getAuthentication() != null) {
                byEmail.put(context.getAuthentication().getName().toLowerCase(),
                        new EndedLogin(System.currentTimeMillis(), session.getLastAccessedTime()));
            }
        }

        EndedLogin of(String email) {
            return byEmail.get(email.toLowerCase());
        }
    }

    @TestConfiguration
    static class ShortIdleTime {
        @Bean
        EndedLogins endedLogins() {
            return new EndedLogins();
        }
    }
}

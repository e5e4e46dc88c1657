package org.compassioncourse;

import org.compassioncourse.account.AccountService;
import org.compassioncourse.account.RegistrationForm;
import org.compassioncourse.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login left open on a shared computer ends although the tab keeps sending Vaadin's heartbeats. Shortened here to a
 * one-minute idle time and a five-second heartbeat (the default is 30 minutes and five minutes); costs about 70 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"course.session.idle-minutes=1", "vaadin.heartbeatInterval=5"})
@ActiveProfiles("test")
class IdleSessionIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    @Test
    void aTabLeftOpenWithOnlyHeartbeatsIsLoggedOutAfterTheIdleTimeAndTheLearnerCanLogInAgain() throws Exception {
        String email = "idle-" + UUID.randomUUID() + "@ward7.example";
        accounts.registerLearner(new RegistrationForm("Ida Idle", email, "calm-harbour-lantern"));
        try (Browser browser = Browser.start(port)) {
            browser.open("login");
            logIn(browser, email);
            browser.waitForPath("");
            assertThat(browser.textOf(By.id("current-user-name"))).isEqualTo("Ida Idle");

            // no clicks, no typing: only the heartbeats of the open tab
            Thread.sleep(75_000);

            browser.open("progress");
            browser.waitForPath("login");
            logIn(browser, email);
            browser.waitForPath("progress");
            assertThat(browser.textOf(By.id("current-user-name"))).isEqualTo("Ida Idle");
        }
    }

    private static void logIn(Browser browser, String email) {
        browser.waitFor(By.cssSelector("#vaadinLoginUsername input")).sendKeys(email);
        browser.waitFor(By.cssSelector("#vaadinLoginPassword input")).sendKeys("calm-harbour-lantern", Keys.ENTER);
    }
}

package org.compassioncourse;

import org.compassioncourse.support.Browser;
import org.compassioncourse.support.BrowserExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A new learner's first minutes with the app, in real headless Chromium against the running app. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "course.content-dir=course-content")
@ActiveProfiles("test")
class AccountJourneyIT {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();
    Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = browsers.browser();
    }

    @Test
    void learnerRegistersLogsOutLogsBackInAndSeesTheCourseShell() {
        String email = "e2e-" + UUID.randomUUID() + "@ward7.example";

        browser.open("login").click(By.id("register-link")).waitForPath("register");
        browser.type("display-name", "Noor Nurse")
                .type("email", email)
                .type("password", "calm-harbour-lantern")
                .click(By.id("create-account"));
        browser.waitForPath("");
        assertThat(browser.textOf(By.id("current-user-name"))).isEqualTo("Noor Nurse");

        browser.click(By.id("logout")).waitForPath("login");

        logIn(email, "calm-harbour-lantern");
        browser.waitForPath("");
        assertThat(browser.textOf(By.id("current-user-name"))).isEqualTo("Noor Nurse");
        assertThat(browser.textOf(By.id("main-menu"))).contains("Course", "My progress").doesNotContain("Instructor");
    }

    @Test
    void wrongPasswordShowsAClearMessageAndKeepsTheLearnerOnTheLoginPage() {
        browser.open("login");
        String email = "nobody-" + UUID.randomUUID() + "@ward7.example";
        logIn(email, "not-the-password");
        browser.waitForPath("login");
        assertThat(browser.textOf(By.tagName("vaadin-login-form"))).contains("Incorrect email or password");
        // the email stays as typed; only the password is asked for again
        browser.waitUntil(d -> email.equals(d.findElement(By.cssSelector("#vaadinLoginUsername input")).getDomProperty("value")));
        browser.waitUntil(d -> "vaadinLoginPassword".equals(d.switchTo().activeElement().getAttribute("id"))
                || "password".equals(d.switchTo().activeElement().getAttribute("type")));
    }

    @Test
    void learnerWhoTypesAnInstructorUrlIsDenied() {
        registerNewLearner("Lee Learner");

        browser.open("instructor");
        assertThat(browser.textOf(By.id("access-denied"))).contains("You don't have access to this page");
        assertThat(browser.isPresent(By.id("instructor-dashboard"))).isFalse();
    }

    @Test
    void mistypedAddressShowsNoSuchPageAndInstructorPagesStillNeedALogin() {
        registerNewLearner("Mo Mistype");
        browser.open("no-such-page");
        assertThat(browser.textOf(By.id("page-not-found"))).contains("There is no such page");
        browser.open("lesson/no-such-lesson");
        assertThat(browser.textOf(By.id("page-not-found"))).contains("There is no such page");

        try (Browser anonymous = browsers.start()) {
            // deny by default: a visitor who is not logged in learns nothing about which addresses exist
            anonymous.open("no-such-page");
            anonymous.waitForPath("login");
            anonymous.open("instructor");
            anonymous.waitForPath("login");
        }
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void learnerWhoForgotThePasswordGetsALinkSetsANewPasswordAndLogsInWithIt(org.springframework.boot.test.system.CapturedOutput log) {
        String email = "forgot-" + UUID.randomUUID() + "@ward7.example";
        registerNewLearner("Fay Forgetful", email);
        browser.click(By.id("logout")).waitForPath("login");

        browser.click(By.xpath("//vaadin-button[normalize-space()='Forgot password?']")).waitForPath("forgot-password");
        browser.type("email", email).click(By.id("send-reset-link"));
        assertThat(browser.textOf(By.id("reset-answer"))).startsWith("If an account exists for that address, we have sent a link");

        // no mail server in the test profile: the link is in the log
        java.util.regex.Matcher link = java.util.regex.Pattern
                .compile("password reset link for " + java.util.regex.Pattern.quote(email) + ": \\S+/(reset/[A-Za-z0-9_-]{43})")
                .matcher(log.getAll());
        assertThat(link.find()).isTrue();
        browser.open(link.group(1)).type("new-password", "amber-otter-kettle-rain").click(By.id("set-new-password"));
        assertThat(browser.textOf(By.id("password-changed"))).startsWith("Your password has been changed");

        browser.click(By.id("login-link")).waitForPath("login");
        logIn(email, "amber-otter-kettle-rain");
        browser.waitForPath("");
        assertThat(browser.textOf(By.id("current-user-name"))).isEqualTo("Fay Forgetful");

        browser.open(link.group(1));
        assertThat(browser.textOf(By.id("link-does-not-work"))).startsWith("This link to reset your password does not work.");
    }

    private void registerNewLearner(String name, String email) {
        browser.open("register").type("display-name", name).type("email", email)
                .type("password", "calm-harbour-lantern").click(By.id("create-account"));
        browser.waitForPath("");
    }

    private void registerNewLearner(String name) {
        browser.open("register").type("display-name", name).type("email", "e2e-" + UUID.randomUUID() + "@ward7.example")
                .type("password", "calm-harbour-lantern").click(By.id("create-account"));
        browser.waitForPath("");
    }

    private void logIn(String email, String password) {
        browser.waitFor(By.cssSelector("#vaadinLoginUsername input")).sendKeys(email);
        browser.waitFor(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
    }
}

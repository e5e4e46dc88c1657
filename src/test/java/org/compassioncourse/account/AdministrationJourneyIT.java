package org.compassioncourse.account;

import org.compassioncourse.support.Browser;
import org.compassioncourse.support.BrowserExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hospital's first minutes, in headless Chromium: the bootstrap administrator sets a password through the setup
 * link, invites an instructor, and the instructor accepts the invitation and creates a cohort; a learner comes by the
 * cohort's join link, creates an account and joins, later forgets the password and resets it through the link (read from
 * the log: no mail server in the test profile), and the instructor finds the learner in the cohort. Its own database,
 * so no administrator exists before start-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:administration-journey;DB_CLOSE_DELAY=-1",
        "course.bootstrap-admin=" + AdministrationJourneyIT.OFFICE,
        "course.public-url=http://app.invalid/"})
@ActiveProfiles("test")
class AdministrationJourneyIT {

    static final String OFFICE = "education.office@hospital.example";
    private static final String INSTRUCTOR = "ines.instructor@hospital.example";
    private static final String LEARNER = "lena.learner@hospital.example";

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();
    @Autowired
    AccountSetup setup;

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void bootstrapAdministratorInvitesAnInstructorWhoCreatesACohortThatALearnerJoinsAndLaterResetsThePassword(CapturedOutput log) {
        // the link start-up wrote to the log; asking again gives a fresh one (the logged one stops working)
        String setupPath = path(setup.bootstrapAdministrator(OFFICE).orElseThrow().url());
        String invitationPath;
        try (Browser office = browsers.start()) {
            office.open(setupPath);
            office.type("setup-name", "Olive Office").type("setup-password", "copper-lantern-meadow").click(By.id("setup-save"));
            assertThat(office.textOf(By.id("setup-outcome"))).contains("Your password is set");
            office.open("login");
            logIn(office, OFFICE, "copper-lantern-meadow");
            office.waitForPath("administration"); // an administrator lands on the administration page
            assertThat(office.textOf(By.id("main-menu"))).contains("Administration", "Instructor");
            office.type("invite-email", INSTRUCTOR).click(By.id("invite-instructor"));
            invitationPath = path(office.waitUntil(d -> {
                String value = d.findElement(By.cssSelector("#invite-link input")).getDomProperty("value");
                return value == null || value.isEmpty() ? null : value;
            }));
            office.open("administration/audit");
            office.waitUntil(d -> d.findElement(By.id("audit-grid")).getText().contains("Instructor invited") ? true : null);

            office.open(setupPath);
            assertThat(office.textOf(By.id("setup-outcome"))).as("the setup link worked once").isEqualTo(AccountSetup.LINK_NOT_USABLE);
        }
        try (Browser instructor = browsers.start()) {
            instructor.open(invitationPath);
            instructor.type("setup-name", "Ines Instructor").type("setup-password", "amber-kettle-orchard").click(By.id("setup-save"));
            assertThat(instructor.textOf(By.id("setup-outcome"))).contains("Your password is set");
            instructor.open("login");
            logIn(instructor, INSTRUCTOR, "amber-kettle-orchard");
            instructor.waitForPath("instructor");
            assertThat(instructor.textOf(By.id("main-menu"))).contains("Instructor").doesNotContain("Administration");
            instructor.open("instructor");
            instructor.type("cohort-name", "Ward 4 nurses").click(By.id("create-cohort"));
            instructor.waitUntil(d -> d.findElement(By.id("cohort-list")).getText().contains("Ward 4 nurses") ? true : null);
            String joinPath = instructor.waitFor(By.linkText("join link")).getDomAttribute("href");
            assertThat(joinPath).matches("join/[A-Z0-9]{8}");

            learnerJoinsByTheLinkThenForgetsAndResetsThePassword(joinPath, log);

            // the instructor, still logged in, finds the learner in the cohort
            instructor.open("instructor").click(By.linkText("Ward 4 nurses"));
            instructor.waitUntil(d -> instructor.path().startsWith("instructor/cohort/"));
            assertThat(instructor.textOf(By.id("cohort-summary"))).startsWith("1 learner · ");
            instructor.waitUntil(d -> d.findElement(By.id("learner-grid")).getText().contains("Lena Learner") ? true : null);
        }
    }

    private void learnerJoinsByTheLinkThenForgetsAndResetsThePassword(String joinPath, CapturedOutput log) {
        try (Browser learner = browsers.start()) {
            // a visitor with the join link is asked to log in or register, and comes back to the link afterwards
            learner.open(joinPath);
            learner.waitForPath("login");
            assertThat(learner.textOf(By.id("login-to-join"))).startsWith("To join the cohort your instructor invited you to");
            learner.click(By.id("register-link")).waitForPath("register");
            learner.type("display-name", "Lena Learner").type("email", LEARNER).type("password", "calm-harbour-lantern")
                    .click(By.id("create-account"));
            learner.waitForPath(joinPath);
            assertThat(learner.textOf(By.tagName("h1"))).isEqualTo("Join \"Ward 4 nurses\"");
            assertThat(learner.textOf(By.tagName("main"))).contains("Ines Instructor runs this cohort");
            learner.click(By.id("join-cohort"));
            assertThat(learner.textOf(By.id("joined"))).startsWith("Your instructor can now follow your progress");
            learner.click(By.id("logout")).waitForPath("login");

            learner.click(By.xpath("//vaadin-button[normalize-space()='Forgot password?']")).waitForPath("forgot-password");
            learner.type("email", LEARNER).click(By.id("send-reset-link"));
            assertThat(learner.textOf(By.id("reset-answer"))).startsWith("If an account exists for that address, we have sent a link");
            // no mail server in the test profile: the link is in the log
            Matcher link = Pattern.compile("password reset link for " + Pattern.quote(LEARNER) + ": \\S+/(reset/[A-Za-z0-9_-]{43})")
                    .matcher(log.getAll());
            assertThat(link.find()).as("a reset link for the learner in the log").isTrue();
            learner.open(link.group(1)).type("new-password", "amber-otter-kettle-rain").click(By.id("set-new-password"));
            assertThat(learner.textOf(By.id("password-changed"))).startsWith("Your password has been changed");

            learner.click(By.id("login-link")).waitForPath("login");
            logIn(learner, LEARNER, "calm-harbour-lantern");
            learner.waitUntil(d -> d.getCurrentUrl().contains("?error") ? true : null);
            assertThat(learner.textOf(By.tagName("vaadin-login-form"))).as("the old password no longer works")
                    .contains("Incorrect email or password");
            learner.open("login");
            logIn(learner, LEARNER, "amber-otter-kettle-rain");
            learner.waitForPath("");
            assertThat(learner.textOf(By.id("current-user-name"))).isEqualTo("Lena Learner");
        }
    }

    /** The link's path within the app (the links carry course.public-url, not the test server's address). */
    private static String path(String url) {
        return url.substring("http://app.invalid/".length());
    }

    private static void logIn(Browser browser, String email, String password) {
        browser.waitFor(By.cssSelector("#vaadinLoginUsername input")).sendKeys(email);
        browser.waitFor(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
    }
}

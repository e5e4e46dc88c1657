package org.compassioncourse;

import org.compassioncourse.account.AccountService;
import org.compassioncourse.account.RegistrationForm;
import org.compassioncourse.account.TestAccounts;
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

/** An instructor creates a cohort, a learner joins it with the code, and the instructor sees the learner. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "course.content-dir=course-content")
@ActiveProfiles("test")
class InstructorJourneyIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    @Test
    void instructorCreatesACohortALearnerJoinsAndAppearsInTheCohortGrid() {
        String teacherEmail = "teacher-" + UUID.randomUUID() + "@ward7.example";
        TestAccounts.instructor(accounts, new RegistrationForm("Tia Teacher", teacherEmail, "steady-maple-compass"));
        String code;
        try (Browser teacher = Browser.start(port)) {
            logIn(teacher, teacherEmail, "steady-maple-compass");
            teacher.open("instructor");
            teacher.type("cohort-name", "Ward 9 carers").click(By.id("create-cohort"));
            String listed = teacher.waitUntil(d -> {
                String text = d.findElement(By.id("cohort-list")).getText();
                return text.contains("Ward 9 carers") ? text : null;
            });
            code = listed.replaceAll("(?s).*join code ([A-Z0-9]{8}).*", "$1");
            assertThat(code).matches("[A-Z0-9]{8}");
        }
        try (Browser learner = Browser.start(port)) {
            learner.open("register").type("display-name", "Lou Learner").type("email", "lou-" + UUID.randomUUID() + "@ward7.example")
                    .type("password", "calm-harbour-lantern").click(By.id("create-account"));
            learner.waitForPath("");
            learner.open("progress").type("join-code", code.toLowerCase()).click(By.id("join-cohort"));
            learner.waitUntil(d -> d.findElement(By.id("my-cohorts")).getText().contains("Ward 9 carers"));
        }
        try (Browser teacher = Browser.start(port)) {
            logIn(teacher, teacherEmail, "steady-maple-compass");
            teacher.open("instructor").click(By.linkText("Ward 9 carers"));
            teacher.waitUntil(d -> browserPathStartsWith(teacher, "instructor/cohort/"));
            assertThat(teacher.textOf(By.id("cohort-summary"))).startsWith("1 learner ·");
            teacher.waitUntil(d -> d.findElement(By.id("learner-grid")).getText().contains("Lou Learner"));
            teacher.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 3000));
            saveScreenshot(teacher, "target/instructor-cohort.png");
            String href = teacher.waitFor(By.id("download-gradebook")).getAttribute("href");
            assertThat(href).as("gradebook download link").isNotBlank();
            Object csv = ((org.openqa.selenium.JavascriptExecutor) teacher.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));", href);
            assertThat(String.valueOf(csv)).startsWith("learner,email,percent_complete").contains("Lou Learner");

            teacher.click(By.partialLinkText("Lou Learner"));
            teacher.waitUntil(d -> browserPathStartsWith(teacher, "instructor/cohort/") && teacher.path().contains("/learner/"));
            assertThat(teacher.textOf(By.id("learner-lessons"))).contains("Not started");
        }
    }

    /** For people reviewing the look; not an assertion. */
    private static void saveScreenshot(Browser browser, String file) {
        try {
            java.nio.file.Files.write(java.nio.file.Path.of(file),
                    ((org.openqa.selenium.TakesScreenshot) browser.driver()).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException ignored) {
            // a missing screenshot does not matter to the test
        }
    }

    private static boolean browserPathStartsWith(Browser browser, String prefix) {
        return browser.path().startsWith(prefix);
    }

    private static void logIn(Browser browser, String email, String password) {
        browser.open("login");
        browser.waitFor(By.cssSelector("#vaadinLoginUsername input")).sendKeys(email);
        browser.waitFor(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
        browser.waitForPath("");
    }
}

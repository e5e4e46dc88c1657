package org.compassioncourse;

import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.support.Browser;
import org.compassioncourse.support.BrowserExtension;
import org.compassioncourse.support.Learners;
import org.compassioncourse.training.TrainingStanding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.test.context.ActiveProfiles;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mandatory training in Chromium: an instructor gives a cohort a due date that has passed, the learner's course page
 * says they are overdue, the grid's training filter finds them, and once they complete the course both pages say so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "course.content-dir=course-content")
@ActiveProfiles("test")
@Import(Learners.class)
class TrainingJourneyIT {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();
    @Autowired
    Learners people;
    @Autowired
    CohortService cohorts;
    @Autowired
    ProgressService progress;
    @Autowired
    Course course;
    @Autowired
    Clock clock;
    /** This app context's own holder: other contexts started in the same JVM replace the static default. */
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    private void as(CurrentUser user, Runnable action) {
        securityContexts.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
        try {
            action.run();
        } finally {
            securityContexts.clearContext();
        }
    }

    @Test
    void anOverdueLearnerSeesItTheInstructorFiltersForItAndCompletionClearsIt() {
        String teacherEmail = "trainer-" + UUID.randomUUID() + "@ward7.example";
        CurrentUser teacher = people.instructor("Tom Trainer", teacherEmail);
        String learnerEmail = "olive-" + UUID.randomUUID() + "@ward7.example";
        CurrentUser learner = people.learner("Olive Overdue", learnerEmail);
        CohortSummary[] cohort = new CohortSummary[1];
        as(teacher, () -> cohort[0] = cohorts.createCohort("Ward 3 annual update"));
        as(learner, () -> cohorts.join(cohort[0].joinCode()));
        LocalDate due = LocalDate.now(clock).minusDays(3);

        try (Browser browser = browsers.start()) {
            logIn(browser, teacherEmail, "instructor");
            browser.open("instructor/cohort/" + cohort[0].id());
            browser.click(By.xpath("//vaadin-radio-button[.//label[normalize-space()='Complete by a date']]"));
            browser.type("due-rule-date", DateTimeFormatter.ofPattern("d/M/yyyy").format(due));
            browser.waitFor(By.cssSelector("#due-rule-date input")).sendKeys(Keys.ENTER);
            browser.click(By.id("save-due-rule"));
            String saved = browser.waitUntil(d -> {
                String text = d.findElement(By.id("due-rule-current")).getText();
                return text.startsWith("Saved") ? text : null;
            });
            assertThat(saved).isEqualTo("Saved. Complete by " + TrainingStanding.format(due) + ".");
        }

        try (Browser browser = browsers.start()) {
            logIn(browser, learnerEmail, "");
            assertThat(browser.textOf(By.id("training-status"))).isEqualTo("Overdue — was due " + TrainingStanding.format(due) + " (3 days ago)");
            assertThat(browser.waitFor(By.id("training-status")).getAttribute("role")).as("read out at once").isEqualTo("alert");
        }

        try (Browser browser = browsers.start()) {
            logIn(browser, teacherEmail, "instructor");
            browser.open("instructor/cohort/" + cohort[0].id());
            browser.click(By.id("training-filter"));
            browser.waitFor(By.xpath("//vaadin-select-item[normalize-space()='Overdue']")).click();
            browser.settle();
            assertThat(gridWith(browser, "Olive Overdue")).contains("Overdue — was due " + TrainingStanding.format(due));
        }

        as(learner, () -> {
            for (Lesson lesson : course.lessons()) {
                lesson.sections().forEach(section -> progress.reachSection(lesson.id(), section.id()));
                progress.completeLesson(lesson.id());
            }
            people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 7000);
        });

        try (Browser browser = browsers.start()) {
            logIn(browser, learnerEmail, "");
            assertThat(browser.textOf(By.id("training-status"))).isEqualTo("Completed " + TrainingStanding.format(LocalDate.now(clock)));
        }
        try (Browser browser = browsers.start()) {
            logIn(browser, teacherEmail, "instructor");
            browser.open("instructor/cohort/" + cohort[0].id());
            browser.click(By.id("training-filter"));
            browser.waitFor(By.xpath("//vaadin-select-item[normalize-space()='Completed']")).click();
            browser.settle();
            assertThat(gridWith(browser, "Olive Overdue")).contains("Completed " + TrainingStanding.format(LocalDate.now(clock)));
        }
    }

    private static String gridWith(Browser browser, String name) {
        return browser.waitUntil(d -> {
            String text = d.findElement(By.id("learner-grid")).getText();
            return text.contains(name) ? text : null;
        });
    }

    private static void logIn(Browser browser, String email, String landing) {
        browser.open("login");
        browser.waitFor(By.cssSelector("#vaadinLoginUsername input")).sendKeys(email);
        browser.waitFor(By.cssSelector("#vaadinLoginPassword input")).sendKeys(Learners.PASSWORD, Keys.ENTER);
        browser.waitForPath(landing);
    }
}

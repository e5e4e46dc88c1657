package org.compassioncourse;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.quiz.QuizAvailability;
import org.compassioncourse.quiz.QuizAttempts;
import org.compassioncourse.support.Browser;
import org.compassioncourse.support.BrowserExtension;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instructor creates a cohort, a learner joins it with the code and works through the whole course, and the
 * instructor reviews that learner in Chromium: grid, summary, charts, drill-down answer by answer, and both exports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "course.content-dir=course-content")
@ActiveProfiles("test")
@Import(Learners.class)
class InstructorJourneyIT {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();
    @Autowired
    Learners people;
    @Autowired
    UserDetailsService users;
    @Autowired
    ProgressService progress;
    @Autowired
    QuizAvailability quizAvailability;
    @Autowired
    QuizAttempts quizAttempts;
    @Autowired
    Course course;
    /** This app context's own holder: other contexts started in the same JVM replace the static default. */
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    /**
     * The learner's study, done through the same services the lesson and quiz pages call (clicking through all
     * seven lessons and three quizzes would add minutes; QuizJourneyIT and CourseJourneyIT click those pages).
     */
    private void learnerCompletesTheCourse(String email) {
        CurrentUser learner = (CurrentUser) users.loadUserByUsername(email);
        securityContexts.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(learner, null, learner.getAuthorities())));
        try {
            people.take(QuizSettings.Kind.PRE_TEST, null, false, 9000);
            for (Lesson lesson : course.lessons()) {
                lesson.sections().forEach(section -> progress.reachSection(lesson.id(), section.id()));
                progress.completeLesson(lesson.id());
            }
            people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 7000);
        } finally {
            securityContexts.clearContext();
        }
    }

    @Test
    void instructorReviewsALearnerWhoJoinedByCodeAndCompletedTheCourse() {
        String teacherEmail = "teacher-" + UUID.randomUUID() + "@ward7.example";
        people.instructor("Tia Teacher", teacherEmail);
        String code;
        try (Browser teacher = browsers.start()) {
            logIn(teacher, teacherEmail, Learners.PASSWORD);
            teacher.open("instructor");
            teacher.type("cohort-name", "Ward 9 carers").click(By.id("create-cohort"));
            String listed = teacher.waitUntil(d -> {
                String text = d.findElement(By.id("cohort-list")).getText();
                return text.contains("Ward 9 carers") ? text : null;
            });
            code = listed.replaceAll("(?s).*join code ([A-Z0-9]{8}).*", "$1");
            assertThat(code).matches("[A-Z0-9]{8}");
        }
        String learnerEmail = "lou-" + UUID.randomUUID() + "@ward7.example";
        try (Browser learner = browsers.start()) {
            learner.open("register").type("display-name", "Lou Learner").type("email", learnerEmail)
                    .type("password", "calm-harbour-lantern").click(By.id("create-account"));
            learner.waitForPath("");
            learner.open("progress").type("join-code", code.toLowerCase()).click(By.id("join-cohort"));
            // a typed code leads to the same confirmation as a join link: who runs it and what they will see
            learner.waitForPath("join/" + code);
            assertThat(learner.textOf(By.tagName("main"))).contains("can see how far you have got");
            learner.click(By.id("join-cohort"));
            assertThat(learner.textOf(By.id("joined"))).startsWith("Your instructor can now follow your progress");
            assertThat(learner.textOf(By.tagName("h1"))).isEqualTo("You're in \"Ward 9 carers\"");
            learner.open("progress");
            learner.waitUntil(d -> d.findElement(By.id("my-cohorts")).getText().contains("Ward 9 carers"));
        }
        learnerCompletesTheCourse(learnerEmail);

        try (Browser teacher = browsers.start()) {
            logIn(teacher, teacherEmail, Learners.PASSWORD);
            teacher.open("instructor").click(By.linkText("Ward 9 carers"));
            teacher.waitUntil(d -> browserPathStartsWith(teacher, "instructor/cohort/"));
            assertThat(teacher.textOf(By.id("cohort-summary")))
                    .isEqualTo("1 learner · 1 started · 1 read every lesson · 1 passed the final · average final 100%");
            String row = teacher.waitUntil(d -> {
                String text = d.findElement(By.id("learner-grid")).getText();
                return text.contains("Lou Learner") ? text : null;
            });
            assertThat(row).contains("100%").contains("✓ passed");
            teacher.click(By.id("status-filter"));
            teacher.waitFor(By.xpath("//vaadin-select-item[normalize-space()='Passed the final assessment']")).click();
            teacher.settle();
            assertThat(teacher.textOf(By.id("learner-grid"))).contains("Lou Learner");
            assertThat(teacher.textOf(By.id("cohort-charts"))).contains("Pre-test").contains("Final");
            teacher.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 3000));
            saveScreenshot(teacher, "target/instructor-cohort.png");

            String csv = teacher.fetchText(teacher.waitFor(By.id("download-gradebook")).getAttribute("href"));
            // the browser's text decoding drops the byte order mark (GradebookCsvExport's test checks it is written)
            assertThat(csv).startsWith("learner,email,percent_complete").contains("Lou Learner," + learnerEmail + ",100,");
            String cohortStatements = teacher.fetchText(teacher.waitFor(By.id("download-xapi")).getAttribute("href"));
            List<JsonNode> statements = statements(cohortStatements);
            assertThat(statements).anySatisfy(st -> {
                assertThat(st.path("verb").path("id").asString()).isEqualTo("http://adlnet.gov/expapi/verbs/passed");
                assertThat(st.path("actor").path("mbox").asString()).isEqualTo("mailto:" + learnerEmail);
            });
            assertThat(statements).filteredOn(st -> st.path("verb").path("id").asString().endsWith("/experienced")).hasSize(course.lessons().size());

            teacher.click(By.partialLinkText("Lou Learner"));
            teacher.waitUntil(d -> browserPathStartsWith(teacher, "instructor/cohort/") && teacher.path().contains("/learner/"));
            assertThat(teacher.textOf(By.id("learner-lessons"))).contains("Completed").doesNotContain("Not started");
            String timeline = teacher.textOf(By.id("learner-timeline"));
            assertThat(timeline).contains("Submitted the pre-test").contains("Finished lesson " + course.lessons().size())
                    .contains("Submitted the final assessment: 100%, passed");
            assertThat(timeline.indexOf("Submitted the pre-test")).as("oldest first").isLessThan(timeline.indexOf("Submitted the final assessment"));

            By finalSummary = By.xpath("//vaadin-details-summary[starts-with(normalize-space(.), 'Final assessment: 100%, passed')]");
            teacher.click(finalSummary);
            WebElement finalAttempt = teacher.waitFor(finalSummary).findElement(By.xpath(".."));
            String answers = teacher.waitUntil(d -> {
                String text = finalAttempt.getText();
                return text.contains("7 s") ? text : null;
            });
            assertThat(answers).contains("Question").contains("Key").contains("100%");
            saveScreenshot(teacher, "target/instructor-learner.png");
            assertThat(statements(teacher.fetchText(teacher.waitFor(By.id("download-learner-xapi")).getAttribute("href"))))
                    .isNotEmpty().allSatisfy(st -> assertThat(st.path("actor").path("mbox").asString()).isEqualTo("mailto:" + learnerEmail));
        }
    }

    @Test
    void visitorWithAJoinLinkCreatesAnAccountComesBackToTheLinkAndJoins(@Autowired CohortService cohorts) {
        CurrentUser teacher = people.instructor("Lin Link");
        securityContexts.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(teacher, null, teacher.getAuthorities())));
        String code;
        try {
            code = cohorts.createCohort("Link cohort").joinCode();
        } finally {
            securityContexts.clearContext();
        }
        try (Browser visitor = browsers.start()) {
            visitor.open("join/" + code);
            visitor.waitForPath("login");
            assertThat(visitor.textOf(By.id("login-to-join"))).startsWith("To join the cohort your instructor invited you to");
            visitor.click(By.linkText("Create an account"));
            visitor.waitForPath("register");
            visitor.type("display-name", "Val Visitor").type("email", "val-" + UUID.randomUUID() + "@ward7.example")
                    .type("password", "calm-harbour-lantern").click(By.id("create-account"));
            visitor.waitForPath("join/" + code);
            assertThat(visitor.textOf(By.tagName("h1"))).isEqualTo("Join \"Link cohort\"");
            visitor.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            saveScreenshot(visitor, "target/join-link-phone.png");
            visitor.click(By.id("join-cohort"));
            assertThat(visitor.textOf(By.id("joined"))).startsWith("Your instructor can now follow your progress");
            assertThat(visitor.textOf(By.tagName("h1"))).isEqualTo("You're in \"Link cohort\"");
            visitor.open("progress");
            visitor.waitUntil(d -> d.findElement(By.id("my-cohorts")).getText().contains("Link cohort"));
        }
    }

    private static List<JsonNode> statements(String json) {
        JsonNode array = JsonMapper.builder().build().readTree(json);
        assertThat(array.isArray()).as("xAPI download is a JSON array: " + json.substring(0, Math.min(80, json.length()))).isTrue();
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).toList();
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
        browser.waitForPath("instructor"); // instructors land on their cohorts
    }
}

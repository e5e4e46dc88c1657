package org.compassioncourse;

import org.compassioncourse.support.Browser;
import org.compassioncourse.support.BrowserExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pre-test, knowledge check and final assessment in real Chromium on the fixture course (which has every question
 * type); then the app is restarted on the same database file and the results are still there.
 */
class QuizJourneyIT {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();
    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext startApp(int port) {
        return new SpringApplicationBuilder(Application.class).profiles("test")
                .run("--server.port=" + port, "--course.data-dir=" + dataDir,
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir + "/quiz-journey",
                        "--course.content-dir=src/test/resources/course-fixture");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @Test
    void learnerTakesPreTestKnowledgeCheckAndFinalThenFindsResultsAfterARestart() {
        String email = "quizzer-" + UUID.randomUUID() + "@ward7.example";
        int port;
        ConfigurableApplicationContext app = startApp(0);
        port = port(app);
        try (Browser browser = browsers.start(port)) {
            browser.open("register").type("display-name", "Quinn Quiz").type("email", email)
                    .type("password", "calm-harbour-lantern").click(By.id("create-account"));
            browser.waitForPath("");

            browser.click(By.id("pre-test-button")).waitForPath("quiz/pre-test");
            answerAssessmentQuestion(browser, false);
            browser.click(By.id("submit-quiz"));
            browser.waitUntil(d -> browser.path().startsWith("quiz-review/"));
            assertThat(browser.textOf(By.id("quiz-score"))).isEqualTo("Your score: 0%");

            browser.open("quiz/knowledge-check/first-lesson");
            browser.openQuestion("first-single");
            browser.click(By.xpath("//*[@id='answer-first-single']//vaadin-radio-button[contains(., 'Feeling with someone')]"));
            browser.click(By.id("check-first-single"));
            assertThat(browser.textOf(By.cssSelector("#question-first-single .feedback-panel")))
                    .contains("✓ Correct").contains("Right - empathy shares the other person's state.");

            browser.open("");
            assertThat(browser.textOf(By.id("final-assessment-unavailable"))).as("closed until every lesson is completed")
                    .contains("opens when you have completed every lesson").contains("3 lessons still to complete");
            for (String lesson : List.of("first-lesson", "second-lesson", "third-lesson")) {
                browser.open("lesson/" + lesson + "/in-practice");
                browser.click(By.id("finish-lesson"));
                browser.waitUntil(d -> !browser.path().equals("lesson/" + lesson + "/in-practice"));
            }
            browser.open("");
            browser.click(By.id("final-assessment-button")).waitForPath("quiz/final-assessment");
            browser.click(By.id("start-final")); // the start page states attempts, pass mark and time first
            answerAssessmentQuestion(browser, true);
            browser.click(By.id("submit-quiz"));
            browser.waitUntil(d -> browser.path().startsWith("quiz-review/"));
            assertThat(browser.textOf(By.id("quiz-score"))).startsWith("Your score: 100% — passed ✓");
            assertThat(browser.textOf(By.id("learning-gain"))).startsWith("Your learning gain: 100%");
        } finally {
            app.close();
        }

        ConfigurableApplicationContext restarted = startApp(port);
        try (Browser browser = browsers.start(port(restarted))) {
            browser.open("login");
            browser.waitFor(By.cssSelector("#vaadinLoginUsername input")).sendKeys(email);
            browser.waitFor(By.cssSelector("#vaadinLoginPassword input")).sendKeys("calm-harbour-lantern", Keys.ENTER);
            browser.waitForPath("");
            assertThat(browser.textOf(By.id("pre-test-status"))).isEqualTo("Your score: 0%");
            assertThat(browser.textOf(By.id("final-assessment-status"))).isEqualTo("Your counted score: 100% — passed ✓");
            assertThat(browser.textOf(By.id("learning-gain"))).contains("100%");
            assertThat(browser.textOf(By.id("pre-test-unavailable"))).contains("taken once");
            assertThat(browser.isPresent(By.id("pre-test-button"))).isFalse();
            assertThat(browser.isPresent(By.id("final-assessment-button"))).as("no invitation to retake after a pass").isFalse();
            browser.click(By.id("pre-test-result"));
            browser.waitUntil(d -> browser.path().startsWith("quiz-review/"));
            assertThat(browser.textOf(By.cssSelector(".feedback-panel"))).as("the final is passed, so the key is shown").contains("Answer: ");
        } finally {
            restarted.close();
        }
    }

    /** The fixture's assessment slot holds a true/false and a scenario question; answer whichever was drawn. */
    private static void answerAssessmentQuestion(Browser browser, boolean right) {
        browser.waitFor(By.cssSelector(".question-card"));
        boolean trueFalse = browser.isPresent(By.id("question-first-tf"));
        String option = trueFalse ? (right ? "False" : "True") : (right ? "Empathy" : "Compassion");
        String group = trueFalse ? "answer-first-tf" : "answer-first-scenario";
        browser.click(By.xpath("//*[@id='" + group + "']//vaadin-radio-button[normalize-space(.)='" + option + "']"));
        browser.waitUntil(d -> d.findElement(By.cssSelector(".save-status")).getText().equals("Answer saved."));
    }
}

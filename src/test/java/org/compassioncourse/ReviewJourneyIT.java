package org.compassioncourse;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.review.ReviewServiceAccess;
import org.compassioncourse.support.Browser;
import org.compassioncourse.support.BrowserExtension;
import org.compassioncourse.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/** Finish lesson 1 in Chromium, move the clock a day, see the questions due and review one: its next due date shows. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "course.content-dir=course-content")
@ActiveProfiles("test")
class ReviewJourneyIT {

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now());
        }
    }

    @Autowired
    Course course;
    @Autowired
    MutableClock clock;
    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();
    Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = browsers.browser();
    }

    @Test
    void afterFinishingLessonOneItsQuestionsAreDueNextDayAndAReviewShowsWhenTheyComeBack() {
        Lesson first = course.lessons().getFirst();
        long checks = ReviewServiceAccess.knowledgeChecks(course, first.id());
        String email = "review-" + UUID.randomUUID() + "@ward7.example";
        browser.open("register").type("display-name", "Rae Review").type("email", email)
                .type("password", "calm-harbour-lantern").click(By.id("create-account"));
        browser.waitForPath("");
        browser.open("lesson/" + first.id() + "/" + first.lastSection().id());
        browser.click(By.id("finish-lesson")).waitForPath("lesson/" + course.lessons().get(1).id());

        browser.click(By.id("logout")).waitForPath("login");
        clock.advance(Duration.ofDays(1));
        browser.open("login");
        browser.waitFor(By.cssSelector("#vaadinLoginUsername input")).sendKeys(email);
        browser.waitFor(By.cssSelector("#vaadinLoginPassword input")).sendKeys("calm-harbour-lantern", Keys.ENTER);
        browser.waitForPath("");

        assertThat(browser.textOf(By.id("review-due"))).isEqualTo(checks + " questions due for review");
        browser.click(By.cssSelector("#review-due a")).waitForPath("review");
        assertThat(browser.textOf(By.id("review-status"))).isEqualTo(checks + " questions due today.");
        browser.click(By.id("start-review"));
        browser.click(By.xpath("(//*[@id='review-session']//vaadin-radio-group[starts-with(@id, 'answer-')]//vaadin-radio-button)[1]"));
        browser.click(By.xpath("//*[@id='sureness']//vaadin-radio-button[normalize-space(.)='Sure']"));
        browser.click(By.id("check-review-answer"));
        assertThat(browser.textOf(By.cssSelector("#review-session .next-due"))).startsWith("Next review: ");
        assertThat(browser.textOf(By.cssSelector("#review-session .feedback-panel"))).containsAnyOf("✓ Correct", "✗ Not correct");
    }
}

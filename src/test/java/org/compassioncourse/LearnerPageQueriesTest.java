package org.compassioncourse;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.glossary.ui.GlossaryView;
import org.compassioncourse.review.ui.ReviewView;
import org.compassioncourse.lesson.ui.CourseView;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.progress.ui.MyProgressView;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.CountingDataSource;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A learner's pages read their results with a bounded number of SQL statements, however many attempts the learner has
 * made: the course page and My progress read every attempt's score in one query and build no per-question feedback.
 * (Before: 27 statements for the course page and 21 for My progress with six attempts, growing with every attempt.)
 */
@ApplicationTest
class LearnerPageQueriesTest extends SpringBrowserlessTest {

    /** Six submitted attempts: the pre-test, four knowledge checks and the final. */
    static final int ATTEMPTS = 6;
    /** Measured 27 before (each block asked again, and each result read its responses), 10 after. */
    static final int COURSE_PAGE_BOUND = 12;
    /** Measured 21 before (two queries per attempt, and the knowledge-check attempts read twice), 4 after. */
    static final int MY_PROGRESS_BOUND = 6;

    @Autowired
    Learners learners;
    @Autowired
    Course course;
    @Autowired
    ProgressService progress;

    private void sixAttempts() {
        String lesson = course.lessons().getFirst().id();
        learners.take(QuizSettings.Kind.PRE_TEST, null, false, 1000);
        for (int i = 0; i < 4; i++) {
            learners.take(QuizSettings.Kind.KNOWLEDGE_CHECK, lesson, i % 2 == 0, 1000);
        }
        learners.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 1000);
    }

    @Test
    @WithCourseUser(email = "queries.six.attempts@ward7.example")
    void coursePageAndMyProgressReadSixAttemptsWithABoundedNumberOfStatements() {
        sixAttempts();

        long coursePage = CountingDataSource.statementsOf(() -> navigate(CourseView.class));
        assertThat($(Paragraph.class).withId("pre-test-status").single().getText()).isEqualTo("Your score: 0%");
        assertThat($(Paragraph.class).withId("final-assessment-status").single().getText())
                .isEqualTo("Your counted score: 100% — passed ✓");
        assertThat($(Paragraph.class).withId("learning-gain").single().getText()).contains("100%");

        long myProgress = CountingDataSource.statementsOf(() -> navigate(MyProgressView.class));
        assertThat($(Anchor.class).all().stream().filter(a -> a.getHref().startsWith("quiz-review/"))).hasSize(ATTEMPTS);

        long coursePageAgain = CountingDataSource.statementsOf(() -> navigate(CourseView.class));
        System.out.printf("statements per page load, %d attempts: course page %d (again %d), my progress %d%n",
                ATTEMPTS, coursePage, coursePageAgain, myProgress);
        assertThat(coursePage).as("course page").isLessThanOrEqualTo(COURSE_PAGE_BOUND);
        assertThat(myProgress).as("my progress").isLessThanOrEqualTo(MY_PROGRESS_BOUND);

        // three more attempts cost no more statements: nothing is read attempt by attempt
        for (int i = 0; i < 3; i++) {
            learners.take(QuizSettings.Kind.KNOWLEDGE_CHECK, course.lessons().getFirst().id(), true, 1000);
        }
        assertThat(CountingDataSource.statementsOf(() -> navigate(MyProgressView.class))).as("my progress, 9 attempts").isEqualTo(myProgress);
        assertThat(CountingDataSource.statementsOf(() -> navigate(CourseView.class))).as("course page, 9 attempts").isEqualTo(coursePageAgain);
    }

    @Test
    @WithCourseUser(email = "queries.menu.badge@ward7.example")
    void theMenuBadgeIsNotReadAgainOnEveryNavigation() {
        navigate(GlossaryView.class);
        assertThat(CountingDataSource.statementsOf(() -> navigate(GlossaryView.class))).as("glossary again: nothing to read").isZero();
        // leaving the badge's own page (where reviews change its count) reads it again
        navigate(ReviewView.class);
        assertThat(CountingDataSource.statementsOf(() -> navigate(GlossaryView.class))).as("after the review page").isPositive();
    }
}

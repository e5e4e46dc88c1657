package org.compassioncourse.lesson.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.quiz.AttemptPaper;
import org.compassioncourse.quiz.QuizAttempts;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.KeyedAnswers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The course page's pre-test and final blocks: why the final is closed, and an unfinished attempt to resume. */
@ApplicationTest
class CourseViewAssessmentTest extends SpringBrowserlessTest {

    @Autowired
    Course course;
    @Autowired
    QuizAttempts quizAttempts;
    @Autowired
    ProgressService progress;

    @Test
    @WithCourseUser(email = "outline.final.closed@ward7.example")
    void finalIsClosedWithTheLessonsStillToCompleteNamed() {
        progress.completeLesson(course.lessons().getFirst().id());

        navigate(CourseView.class);

        assertThat($(Button.class).withId("final-assessment-button").all()).as("no button that leads to 'not now'").isEmpty();
        assertThat($(Paragraph.class).withId("final-assessment-unavailable").single().getText())
                .startsWith("The final assessment opens when you have completed every lesson. 2 lessons still to complete: ")
                .contains(course.lessons().get(1).title()).contains(course.lessons().get(2).title());
    }

    @Test
    @WithCourseUser(email = "outline.resume@ward7.example")
    void anUnfinishedAttemptIsOfferedToResumeWithHowFarTheLearnerGot() {
        AttemptPaper pre = quizAttempts.startOrResume(QuizSettings.Kind.PRE_TEST, null);
        Question first = course.question(pre.questions().getFirst().id()).orElseThrow();
        quizAttempts.answer(pre.attemptId(), first.id(), KeyedAnswers.wrong(course, first), 1000);
        for (Lesson lesson : course.lessons()) {
            progress.completeLesson(lesson.id());
        }

        navigate(CourseView.class);

        assertThat($(Button.class).withId("pre-test-button").single().getText())
                .isEqualTo("Resume — 1 of " + pre.questions().size() + " answered");
        assertThat($(Button.class).withId("final-assessment-button").single().getText()).isEqualTo("Take the final assessment");
    }
}

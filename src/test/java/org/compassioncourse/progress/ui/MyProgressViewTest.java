package org.compassioncourse.progress.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.progress.CourseProgress;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class MyProgressViewTest extends SpringBrowserlessTest {

    @Autowired
    Course course;
    @Autowired
    ProgressService progressService;
    @Autowired
    org.compassioncourse.quiz.QuizAttempts quizAttempts;

    @Test
    @WithCourseUser(email = "reader.tried@ward7.example")
    void aKnowledgeCheckCountsAsTriedOnceOneAnswerIsCheckedBeforeItIsFinished() {
        Lesson first = course.lessons().getFirst();
        var paper = quizAttempts.startOrResume(org.compassioncourse.content.QuizSettings.Kind.KNOWLEDGE_CHECK, first.id());
        quizAttempts.answer(paper.attemptId(), "first-single", new org.compassioncourse.quiz.Answer.Choices(java.util.Set.of("with")), 500);

        MyProgressView view = navigate(MyProgressView.class);
        view.adaptTo(390);
        @SuppressWarnings("unchecked")
        Grid<CourseProgress.LessonRow> grid = $(Grid.class).single();
        assertThat(test(grid).getCellComponent(0, 0).getElement().getTextRecursively()).contains("knowledge check tried, not finished");
    }

    @Test
    @WithCourseUser(email = "reader.rounding@ward7.example")
    void theBestKnowledgeCheckScoreIsWrittenAsTheResultPageWritesIt() {
        Lesson first = course.lessons().getFirst();
        var paper = quizAttempts.startOrResume(org.compassioncourse.content.QuizSettings.Kind.KNOWLEDGE_CHECK, first.id());
        paper.questions().forEach(q -> {
            var question = course.question(q.id()).orElseThrow();
            quizAttempts.answer(paper.attemptId(), q.id(), q.id().equals("first-single")
                    ? org.compassioncourse.support.KeyedAnswers.wrong(course, question)
                    : org.compassioncourse.support.KeyedAnswers.right(question), 500);
        });
        var result = quizAttempts.submit(paper.attemptId());

        navigate(MyProgressView.class);
        @SuppressWarnings("unchecked")
        Grid<CourseProgress.LessonRow> grid = $(Grid.class).single();
        String row = test(grid).getCellComponent(0, 0).getElement().getTextRecursively() + " "
                + grid.getColumns().stream().map(c -> String.valueOf(test(grid).getCellText(0, grid.getColumns().indexOf(c)))).toList();
        assertThat(row).as("one rounding rule: the result page's %s", org.compassioncourse.quiz.ScorePercent.format(result.scorePercent()))
                .contains("best " + org.compassioncourse.quiz.ScorePercent.format(result.scorePercent()));
        assertThat(org.compassioncourse.quiz.ScorePercent.format(result.scorePercent())).as("a score with a decimal").contains(".");
    }

    @Test
    @WithCourseUser(email = "reader.phone@ward7.example")
    void onAPhoneMyProgressKeepsLessonAndStatusAndPutsTheDetailsUnderTheTitle() {
        Lesson first = course.lessons().getFirst();
        progressService.reachSection(first.id(), first.firstSection().id());
        MyProgressView view = navigate(MyProgressView.class);
        @SuppressWarnings("unchecked")
        Grid<CourseProgress.LessonRow> grid = $(Grid.class).single();

        view.adaptTo(390);
        assertThat(grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText))
                .containsExactly("Lesson", "Status");
        String lessonCell = test(grid).getCellComponent(0, 0).getElement().getTextRecursively();
        assertThat(lessonCell).startsWith("1. " + first.title()).contains("1 of " + first.sections().size() + " sections", "knowledge check not tried");

        view.adaptTo(1280);
        assertThat(grid.getColumns().stream().filter(Grid.Column::isVisible).count()).isEqualTo(5);
    }
}

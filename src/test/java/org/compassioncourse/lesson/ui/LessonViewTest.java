package org.compassioncourse.lesson.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.progress.CourseProgress;
import org.compassioncourse.progress.LessonStatus;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.progress.ui.MyProgressView;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class LessonViewTest extends SpringBrowserlessTest {

    @Autowired
    Course course;
    @Autowired
    ProgressService progressService;

    private Button button(String id) {
        return $(Button.class).withId(id).single();
    }

    private String pageHtml() {
        return String.join("\n", $(Html.class).all().stream().map(Html::getInnerHtml).toList());
    }

    @Test
    @WithCourseUser(email = "outline.new@ward7.example")
    void newLearnerSeesEveryLessonNotStartedAndCanStartTheCourse() {
        navigate(CourseView.class);

        assertThat($(RouterLink.class).all()).extracting(RouterLink::getText)
                .containsAll(course.lessons().stream().map(Lesson::title).toList());
        assertThat($(Span.class).withId("lesson-status-" + course.lessons().getFirst().id()).single().getText()).isEqualTo("○ Not started");
        assertThat($(Paragraph.class).withId("course-progress-text").single().getText())
                .isEqualTo("0 of " + course.lessons().size() + " lessons completed (0%)");
        assertThat(button("continue-button").getText()).isEqualTo("Start the course");
        assertThat($(Paragraph.class).withId("course-facts").single().getText()).as("no certificate: block, so no CE hours promised")
                .startsWith("For ").doesNotContain("CE");

        test(button("continue-button")).click();

        assertThat(getCurrentView()).isInstanceOf(LessonView.class);
        assertThat($(H1.class).withId("lesson-title").single().getText()).isEqualTo(course.lessons().getFirst().title());
    }

    @Test
    @WithCourseUser(email = "reader.oldlink@ward7.example")
    void anOutdatedSectionAddressOpensTheLessonsStartUnderItsOwnAddress() {
        Lesson lesson = course.lessons().getFirst();
        navigate(LessonView.class, Map.of("lessonId", lesson.id(), "sectionId", "no-such-section"));
        assertThat($(H2.class).withId("section-title").single().getText()).isEqualTo(lesson.firstSection().title());
        assertThat(com.vaadin.flow.component.UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("lesson/" + lesson.id());
    }

    @Test
    @WithCourseUser(email = "reader.sections@ward7.example")
    void readingThroughALessonSectionBySectionAndFinishingCompletesItAndOpensTheNext() {
        Lesson lesson = course.lessons().getFirst();
        navigate(LessonView.class, Map.of("lessonId", lesson.id()));
        assertThat($(H2.class).withId("section-title").single().getText()).isEqualTo(lesson.firstSection().title());

        for (int i = 1; i < lesson.sections().size(); i++) {
            test(button("next-section")).click();
            assertThat($(H2.class).withId("section-title").single().getText()).isEqualTo(lesson.sections().get(i).title());
        }
        assertThat($(Button.class).withId("next-section").all()).isEmpty();
        test(button("finish-lesson")).click();

        Lesson next = course.lessons().get(1);
        assertThat($(H1.class).withId("lesson-title").single().getText()).isEqualTo(next.title());
        CourseProgress progress = progressService.myProgress();
        CourseProgress.LessonRow row = progress.lessons().getFirst();
        assertThat(row.status()).isEqualTo(LessonStatus.COMPLETED);
        assertThat(row.sectionsReached()).isEqualTo(lesson.sections().size());

        // back on the finished lesson's last section, the button just moves on
        navigate(LessonView.class, Map.of("lessonId", lesson.id(), "sectionId", lesson.sections().getLast().id()));
        assertThat(button("finish-lesson").getText()).isEqualTo("Go to lesson 2 →");
    }

    @Test
    @WithCourseUser(email = "reader.wrap@ward7.example")
    void finishingALessonWhenTheFollowingOneIsDoneOffersTheEarlierUnfinishedOneThenTheFinalAssessment() {
        Lesson first = course.lessons().get(0);
        Lesson second = course.lessons().get(1);
        Lesson third = course.lessons().get(2);
        progressService.completeLesson(third.id());
        navigate(LessonView.class, Map.of("lessonId", second.id(), "sectionId", second.sections().getLast().id()));
        test(button("finish-lesson")).click();
        assertThat($(H1.class).withId("lesson-title").single().getText()).as("lesson 3 is done: back to lesson 1")
                .isEqualTo(first.title());

        progressService.completeLesson(first.id());
        navigate(LessonView.class, Map.of("lessonId", second.id(), "sectionId", second.sections().getLast().id()));
        assertThat(button("finish-lesson").getText()).isEqualTo("Go to the final assessment →");
    }

    @Test
    @WithCourseUser(email = "reader.last@ward7.example")
    void finishingTheLastLessonLeadsToTheFinalsStartPageWithoutStartingAnAttempt(
            @Autowired org.compassioncourse.quiz.QuizAvailability quizzes) {
        course.lessons().forEach(lesson -> {
            lesson.sections().forEach(section -> progressService.reachSection(lesson.id(), section.id()));
            if (lesson != course.lessons().getLast()) {
                progressService.completeLesson(lesson.id());
            }
        });
        Lesson last = course.lessons().getLast();
        navigate(LessonView.class, Map.of("lessonId", last.id(), "sectionId", last.sections().getLast().id()));
        assertThat(button("finish-lesson").getText()).isEqualTo("Finish lesson and go to the final assessment →");

        test(button("finish-lesson")).click();

        assertThat(getCurrentView()).isInstanceOf(org.compassioncourse.quiz.ui.QuizView.class);
        assertThat($(Button.class).withId("start-final").single().getText()).isEqualTo("Start the final assessment");
        assertThat(quizzes.myOpenAttempt(org.compassioncourse.content.QuizSettings.Kind.FINAL_ASSESSMENT, null))
                .as("arriving starts no attempt").isEmpty();
    }

    @Test
    @WithCourseUser(email = "reader.skipper@ward7.example")
    void learnerWhoSkipsToTheEndIsToldWhichSectionsAreUnopenedBeforeFinishing() {
        Lesson lesson = course.lessons().getFirst();
        navigate(LessonView.class, Map.of("lessonId", lesson.id(), "sectionId", lesson.sections().getLast().id()));

        String skipped = $(Paragraph.class).withId("unopened-sections").single().getElement().getTextRecursively();
        for (int i = 0; i < lesson.sections().size() - 1; i++) {
            assertThat(skipped).contains(lesson.sections().get(i).title());
        }
        assertThat(skipped).doesNotContain(lesson.sections().getLast().title());
        assertThat(button("finish-lesson").getText()).isEqualTo("Finish lesson anyway");
    }

    @Test
    @WithCourseUser(email = "reader.terms@ward7.example")
    void glossaryTermsAreExplainedInPlaceAndTheSectionNavMarksWhereTheLearnerIs() {
        Lesson lesson = course.lessons().getFirst();
        navigate(LessonView.class, Map.of("lessonId", lesson.id(), "sectionId", lesson.sections().get(1).id()));

        Nav nav = $(Nav.class).single();
        List<RouterLink> links = $(RouterLink.class, nav).all();
        assertThat(links).extracting(RouterLink::getText).containsExactlyElementsOf(lesson.sections().stream().map(s -> s.title()).toList());
        assertThat(links.get(1).getElement().getAttribute("aria-current")).isEqualTo("page");
        assertThat(links.get(0).getElement().getAttribute("aria-current")).isNull();
    }

    @Test
    @WithCourseUser(email = "reader.figures@ward7.example")
    void lessonShowsItsBrainRegionsHighlightedInTheFigures() {
        Lesson lesson = course.lessons().stream().filter(l -> !l.regionIds().isEmpty()).findFirst().orElseThrow();
        navigate(LessonView.class, Map.of("lessonId", lesson.id()));

        String html = pageHtml();
        for (String region : lesson.regionIds()) {
            assertThat(html).contains("region--" + region + " highlighted");
        }
    }

    @Test
    @WithCourseUser(email = "reader.progress@ward7.example")
    void myProgressListsEveryLessonWithItsStatus() {
        Lesson first = course.lessons().getFirst();
        progressService.reachSection(first.id(), first.firstSection().id());

        navigate(MyProgressView.class);
        @SuppressWarnings("unchecked")
        Grid<CourseProgress.LessonRow> grid = $(Grid.class).single();

        assertThat($(Paragraph.class).withId("progress-summary").single().getText()).startsWith("0 of " + course.lessons().size());
        List<CourseProgress.LessonRow> rows = java.util.stream.IntStream.range(0, test(grid).size())
                .mapToObj(i -> test(grid).getRow(i)).toList();
        assertThat(rows).hasSize(course.lessons().size());
        assertThat(rows.getFirst().status()).isEqualTo(LessonStatus.IN_PROGRESS);
        assertThat(rows.get(1).status()).isEqualTo(LessonStatus.NOT_STARTED);
    }
}

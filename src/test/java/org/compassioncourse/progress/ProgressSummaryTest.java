package org.compassioncourse.progress;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.CourseContentLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressSummaryTest {

    private static final Course COURSE = CourseContentLoader.load(Path.of("src/test/resources/course-fixture"));
    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    private static ProgressSummary.Visit visit(String lesson, String section, int minutesLater, boolean completed) {
        Instant at = T0.plusSeconds(60L * minutesLater);
        return new ProgressSummary.Visit(lesson, section, at, at, completed ? at : null);
    }

    @Test
    void newLearnerHasNothingStartedAndIsOfferedTheFirstSectionOfTheFirstLesson() {
        CourseProgress progress = ProgressSummary.of(COURSE, List.of(), Set.of());

        assertThat(progress.lessons()).extracting(CourseProgress.LessonRow::status).containsOnly(LessonStatus.NOT_STARTED);
        assertThat(progress.percentComplete()).isZero();
        assertThat(progress.continueAt()).isEqualTo(new CourseProgress.Place("first-lesson", "First lesson", 1, "sharing-pain", "Sharing pain", true));
    }

    @Test
    void learnerMidLessonContinuesAtTheExactSectionLastReached() {
        CourseProgress progress = ProgressSummary.of(COURSE, List.of(visit("first-lesson", "in-practice", 5, false)),
                Set.of(new ProgressSummary.Reached("first-lesson", "sharing-pain"), new ProgressSummary.Reached("first-lesson", "in-practice")));

        CourseProgress.LessonRow first = progress.lessons().getFirst();
        assertThat(first.status()).isEqualTo(LessonStatus.IN_PROGRESS);
        assertThat(first.sectionsReached()).isEqualTo(2);
        assertThat(progress.continueAt().sectionId()).isEqualTo("in-practice");
        assertThat(progress.continueAt().fresh()).isFalse();
    }

    @Test
    void afterCompletingALessonTheLearnerIsOfferedTheNextOne() {
        CourseProgress progress = ProgressSummary.of(COURSE, List.of(visit("first-lesson", "in-practice", 5, true)), Set.of());

        assertThat(progress.lessons().getFirst().status()).isEqualTo(LessonStatus.COMPLETED);
        assertThat(progress.percentComplete()).isEqualTo(33);
        assertThat(progress.continueAt().lessonId()).isEqualTo("second-lesson");
        assertThat(progress.continueAt().sectionId()).isEqualTo("core-network");
    }

    @Test
    void completingTheLastLessonWithAnEarlierOneUnfinishedOffersTheUnfinishedOne() {
        CourseProgress progress = ProgressSummary.of(COURSE, List.of(
                visit("first-lesson", "sharing-pain", 1, false),
                visit("second-lesson", "in-practice", 5, true),
                visit("third-lesson", "in-practice", 9, true)), Set.of());

        assertThat(progress.continueAt().lessonId()).isEqualTo("first-lesson");
        assertThat(progress.continueAt().sectionId()).isEqualTo("sharing-pain");
    }

    @Test
    void learnerWhoCompletedEveryLessonIsDoneWithNowhereLeftToContinue() {
        CourseProgress progress = ProgressSummary.of(COURSE, List.of(
                visit("first-lesson", "in-practice", 1, true), visit("second-lesson", "in-practice", 2, true),
                visit("third-lesson", "in-practice", 3, true)), Set.of());

        assertThat(progress.percentComplete()).isEqualTo(100);
        assertThat(progress.everyLessonRead()).isTrue();
        assertThat(progress.continueAt()).isNull();
    }

    @Test
    void twoOfThreeLessonsIsRoundedTo67Percent() {
        CourseProgress progress = ProgressSummary.of(COURSE, List.of(
                visit("first-lesson", "in-practice", 1, true), visit("second-lesson", "in-practice", 2, true)), Set.of());

        assertThat(progress.percentComplete()).as("rounded, not truncated to 66").isEqualTo(67);
    }

    @Test
    void finishingALessonLeadsToTheNextUnfinishedOneSkippingLessonsAlreadyDone() {
        CourseProgress thirdDone = ProgressSummary.of(COURSE, List.of(visit("third-lesson", "in-practice", 1, true)), Set.of());

        assertThat(thirdDone.nextAfterFinishing("first-lesson")).contains("second-lesson");
        assertThat(thirdDone.nextAfterFinishing("second-lesson")).as("lesson 3 is done: wrap to lesson 1").contains("first-lesson");
    }

    @Test
    void finishingTheLastUnfinishedLessonLeadsToTheFinalAssessment() {
        CourseProgress othersDone = ProgressSummary.of(COURSE, List.of(
                visit("first-lesson", "in-practice", 1, true), visit("third-lesson", "in-practice", 2, true)), Set.of());

        assertThat(othersDone.nextAfterFinishing("second-lesson")).as("empty means: the final assessment").isEmpty();
        assertThat(othersDone.nextAfterFinishing("first-lesson")).contains("second-lesson");
    }

    @Test
    void sectionRemovedFromTheContentSinceTheVisitFallsBackToTheLessonStart() {
        CourseProgress progress = ProgressSummary.of(COURSE, List.of(visit("first-lesson", "a-section-since-renamed", 1, false)), Set.of());

        assertThat(progress.continueAt().sectionId()).isEqualTo("sharing-pain");
    }
}

package org.compassioncourse.progress;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithAnonymousUser;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ApplicationTest
class ProgressServiceTest {

    @Autowired
    Learners people;
    @Autowired
    ProgressService progressService;
    @Autowired
    Course course;
    @Autowired
    LessonProgressRepository lessonProgress;
    @Autowired
    SectionReachedRepository sectionsReached;

    private Lesson lesson(int index) {
        return course.lessons().get(index);
    }

    private CourseProgress.LessonRow row(CourseProgress progress, Lesson lesson) {
        return progress.lessons().stream().filter(r -> r.lessonId().equals(lesson.id())).findFirst().orElseThrow();
    }

    @Test
    @WithCourseUser(email = "reader.one@ward7.example")
    void openingTheSameSectionAgainOrInTwoTabsCountsItOnce() throws Exception {
        Lesson lesson = lesson(1);
        String section = lesson.firstSection().id();
        SecurityContext context = SecurityContextHolder.getContext();
        Callable<Void> open = () -> {
            SecurityContextHolder.setContext(context);
            progressService.reachSection(lesson.id(), section);
            return null;
        };
        ExecutorService tabs = Executors.newFixedThreadPool(2);
        try {
            Future<Void> first = tabs.submit(open);
            Future<Void> second = tabs.submit(open);
            first.get();
            second.get();
        } finally {
            tabs.shutdown();
        }
        progressService.reachSection(lesson.id(), section);

        CourseProgress progress = progressService.myProgress();
        assertThat(row(progress, lesson).sectionsReached()).isEqualTo(1);
        assertThat(row(progress, lesson).status()).isEqualTo(LessonStatus.IN_PROGRESS);
        assertThat(lessonProgress.findByUserId(progressUserId())).as("one progress row per learner and lesson").hasSize(1);
        assertThat(sectionsReached.findKeysByUserId(progressUserId())).hasSize(1);
    }

    @Test
    @WithCourseUser(email = "reader.two@ward7.example")
    void completingALessonTwiceKeepsOneCompletionAndMovesContinueToTheNextLesson() {
        Lesson first = lesson(0);
        first.sections().forEach(s -> progressService.reachSection(first.id(), s.id()));
        progressService.completeLesson(first.id());
        progressService.completeLesson(first.id());

        CourseProgress progress = progressService.myProgress();
        assertThat(row(progress, first).status()).isEqualTo(LessonStatus.COMPLETED);
        assertThat(row(progress, first).sectionsReached()).isEqualTo(first.sections().size());
        assertThat(progress.completedLessons()).isEqualTo(1);
        assertThat(progress.continueAt().lessonId()).isEqualTo(lesson(1).id());
    }

    @Test
    @WithCourseUser(email = "reader.three@ward7.example")
    void oneLearnersProgressIsInvisibleToAnother() {
        progressService.reachSection(lesson(0).id(), lesson(0).firstSection().id());
        progressService.completeLesson(lesson(0).id());
        assertThat(progressService.myProgress().completedLessons()).isEqualTo(1);

        CurrentUser other = people.learner("Other Learner");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(other, null, other.getAuthorities()));

        assertThat(progressService.myProgress().lessons()).extracting(CourseProgress.LessonRow::status)
                .containsOnly(LessonStatus.NOT_STARTED);
    }

    @Test
    @WithCourseUser(email = "reader.five@ward7.example")
    void unknownLessonOrSectionIsRefusedAndRecordsNothing() {
        assertThatThrownBy(() -> progressService.reachSection("no-such-lesson", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> progressService.reachSection(lesson(0).id(), "no-such-section")).isInstanceOf(IllegalArgumentException.class);
        assertThat(progressService.myProgress().lessons()).extracting(CourseProgress.LessonRow::status).containsOnly(LessonStatus.NOT_STARTED);
    }

    @Test
    @WithAnonymousUser
    void visitorWhoIsNotLoggedInCannotReadOrWriteProgress() {
        assertThatThrownBy(() -> progressService.myProgress()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> progressService.reachSection(lesson(0).id(), lesson(0).firstSection().id()))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithCourseUser(email = "teacher.reader@ward7.example", role = Role.INSTRUCTOR)
    void instructorsCanReadTheCourseToo() {
        progressService.reachSection(lesson(0).id(), lesson(0).firstSection().id());
        assertThat(progressService.myProgress().lessons().getFirst().status()).isEqualTo(LessonStatus.IN_PROGRESS);
    }

    private long progressUserId() {
        return ((CurrentUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal()).accountId();
    }
}

package org.compassioncourse.progress;

import org.compassioncourse.base.Percent;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.content.Section;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules that turn stored visits into what a learner sees: lesson status, percent complete, and where
 * "Continue where you left off" leads. Plain code, so the rules are tested without a database.
 */
final class ProgressSummary {

    /** What is stored for one lesson a learner has opened. */
    record Visit(String lessonId, String lastSectionId, Instant firstVisitedAt, Instant lastVisitedAt, @Nullable Instant completedAt) {
    }

    /** A section reached: lesson id and section id. */
    record Reached(String lessonId, String sectionId) {
    }

    private ProgressSummary() {
    }

    static CourseProgress of(Course course, List<Visit> visits, Set<Reached> reached) {
        Map<String, Visit> byLesson = visits.stream().collect(Collectors.toMap(Visit::lessonId, Function.identity(), (a, b) -> a));
        List<CourseProgress.LessonRow> rows = new ArrayList<>();
        for (Lesson lesson : course.lessons()) {
            Visit visit = byLesson.get(lesson.id());
            int sectionsReached = (int) lesson.sections().stream()
                    .filter(s -> reached.contains(new Reached(lesson.id(), s.id()))).count();
            LessonStatus status = visit == null ? LessonStatus.NOT_STARTED
                    : visit.completedAt() != null ? LessonStatus.COMPLETED : LessonStatus.IN_PROGRESS;
            rows.add(new CourseProgress.LessonRow(lesson.id(), lesson.order(), lesson.title(), lesson.minutes(), status,
                    sectionsReached, lesson.sections().size(), visit == null ? null : visit.firstVisitedAt(),
                    visit == null ? null : visit.lastVisitedAt(), visit == null ? null : visit.completedAt()));
        }
        long completed = rows.stream().filter(r -> r.status() == LessonStatus.COMPLETED).count();
        int percent = Percent.of(completed, course.lessons().size());
        return new CourseProgress(rows, percent, continueAt(course, byLesson));
    }

    /**
     * The lesson last visited, at the section last reached, unless it is completed: then the next lesson not yet
     * completed. A first-time learner starts at the beginning; a learner who completed everything has nowhere to go.
     */
    private static CourseProgress.@Nullable Place continueAt(Course course, Map<String, Visit> visits) {
        if (course.lessons().isEmpty()) {
            return null;
        }
        Optional<Visit> latest = visits.values().stream()
                .filter(v -> course.lesson(v.lessonId()).isPresent())
                .max(Comparator.comparing(Visit::lastVisitedAt));
        if (latest.isEmpty()) {
            return placeAtStart(course.lessons().getFirst(), null);
        }
        Lesson lesson = course.lesson(latest.get().lessonId()).orElseThrow();
        if (latest.get().completedAt() == null) {
            return placeAtStart(lesson, latest.get());
        }
        List<Lesson> lessons = course.lessons();
        int index = lessons.indexOf(lesson);
        for (int i = 1; i <= lessons.size(); i++) {
            Lesson candidate = lessons.get((index + i) % lessons.size());
            Visit visit = visits.get(candidate.id());
            if (visit == null || visit.completedAt() == null) {
                return placeAtStart(candidate, visit);
            }
        }
        return null;
    }

    private static CourseProgress.Place placeAtStart(Lesson lesson, @Nullable Visit visit) {
        Section section = visit == null ? lesson.firstSection()
                : lesson.section(visit.lastSectionId()).orElse(lesson.firstSection());
        return new CourseProgress.Place(lesson.id(), lesson.title(), lesson.order(), section.id(), section.title(), visit == null);
    }
}

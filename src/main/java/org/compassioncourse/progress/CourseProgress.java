package org.compassioncourse.progress;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A learner's progress through the whole course, as the outline and "My progress" show it. */
public record CourseProgress(List<LessonRow> lessons, int percentComplete, @Nullable Place continueAt) {

    /** One lesson's status for this learner. */
    public record LessonRow(String lessonId, int order, String title, int minutes, LessonStatus status,
                            int sectionsReached, int sectionsTotal, @Nullable Instant firstVisitedAt,
                            @Nullable Instant lastVisitedAt, @Nullable Instant completedAt) {
    }

    /**
     * Where "Continue" takes the learner.
     *
     * @param fresh true when the learner has not opened this lesson yet (so the button says "Start")
     */
    public record Place(String lessonId, String lessonTitle, int lessonOrder, String sectionId, String sectionTitle,
                        boolean fresh) {
    }

    public Optional<Place> continuePlace() {
        return Optional.ofNullable(continueAt);
    }

    public boolean courseCompleted() {
        return !lessons.isEmpty() && lessons.stream().allMatch(l -> l.status() == LessonStatus.COMPLETED);
    }

    public long completedLessons() {
        return lessons.stream().filter(l -> l.status() == LessonStatus.COMPLETED).count();
    }
}

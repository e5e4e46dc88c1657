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

    /** Every lesson of the course read to its end; not "the course completed", which also needs a passed final (CompletionRule). */
    public boolean everyLessonRead() {
        return !lessons.isEmpty() && lessons.stream().allMatch(l -> l.status() == LessonStatus.COMPLETED);
    }

    /**
     * Where a learner goes on finishing a lesson: the next lesson not completed after it, wrapping round to earlier
     * unfinished ones; empty when every other lesson is completed, so the final assessment comes next. The lesson
     * being finished counts as completed, whether or not it is stored as such yet.
     */
    public Optional<String> nextAfterFinishing(String lessonId) {
        int index = -1;
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).lessonId().equals(lessonId)) {
                index = i;
            }
        }
        for (int step = 1; step < lessons.size(); step++) {
            LessonRow candidate = lessons.get(Math.floorMod(index + step, lessons.size()));
            if (!candidate.lessonId().equals(lessonId) && candidate.status() != LessonStatus.COMPLETED) {
                return Optional.of(candidate.lessonId());
            }
        }
        return Optional.empty();
    }

    public long completedLessons() {
        return lessons.stream().filter(l -> l.status() == LessonStatus.COMPLETED).count();
    }
}

package org.compassioncourse.progress;

/** Published once a learner has completed a lesson (after its transaction), for features that act on progress. */
public record LessonCompleted(long userId, String lessonId) {
}

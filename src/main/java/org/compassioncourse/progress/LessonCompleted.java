package org.compassioncourse.progress;

/**
 * Published inside the transaction that records a completed lesson (stored with it by Modulith's event publication
 * registry), for features that act on progress; their listeners run after the commit.
 */
public record LessonCompleted(long userId, String lessonId) {
}

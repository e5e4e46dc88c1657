package org.compassioncourse.progress;

/**
 * Published inside the transaction that records a learner's first visit to a lesson, for features that keep a record
 * of it in that same transaction (the xAPI outbox: "experienced" the lesson).
 */
public record LessonOpened(long userId, String lessonId) {
}

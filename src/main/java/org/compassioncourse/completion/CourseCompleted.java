package org.compassioncourse.completion;

/**
 * Published inside the transaction that records a learner's course completion (once per learner), for features that
 * keep a record of it in that same transaction (the xAPI outbox: "completed" the course). The completion itself is
 * read from {@link CompletionFigures}.
 */
public record CourseCompleted(long userId) {
}

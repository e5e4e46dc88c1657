package org.compassioncourse.quiz;

/**
 * Whether one answer of a submitted attempt was right, and where the course teaches it, without the key: what a
 * learner sees while the key is held back (so that a retake still tests what they learned).
 *
 * @param sectionTitle the section to revisit, with its lesson ("Lesson 3, In practice")
 */
public record QuestionOutcome(String questionId, double score, boolean correct, String lessonId, String sectionId, String sectionTitle) {
}

package org.compassioncourse.quiz;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.Figure;
import org.compassioncourse.content.Question;
import org.jspecify.annotations.Nullable;

/**
 * A knowledge-check question asked and marked outside an attempt (spaced review): the paper without its key, and
 * the server-side grade with the same per-option feedback a knowledge check gives.
 */
public final class KnowledgeCheckMarking {

    private KnowledgeCheckMarking() {
    }

    /** The grade and the feedback for one answer. */
    public record Marked(Grade grade, QuestionFeedback feedback) {
    }

    /** The question as a learner sees it: no key, no feedback; options shuffled by the seed. */
    public static QuestionPaper paper(Question question, long seed) {
        return QuestionPapers.of(question, seed);
    }

    /** Checks the answer's shape (refusing a malformed one), grades it and writes its feedback. */
    public static Marked mark(Course course, Question question, Answer answer) {
        if (answer.blank()) {
            throw new AnswerRejectedException("Choose an answer first.");
        }
        Grading.check(question, answer, figureOf(course, question));
        Grade grade = Grading.grade(question, answer);
        return new Marked(grade, FeedbackWriter.of(course, question, answer, grade));
    }

    private static @Nullable Figure figureOf(Course course, Question question) {
        if (question.body() instanceof Question.Hotspot hotspot) {
            return course.figures().stream().filter(f -> f.id().equals(hotspot.figureId())).findFirst().orElse(null);
        }
        return null;
    }
}

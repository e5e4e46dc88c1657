package org.compassioncourse.quiz;

import org.compassioncourse.content.QuizSettings;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A submitted attempt: score, pass or fail (assessments), per-question feedback with the key where the settings
 * allow, and otherwise (while the key is held back) only advice per lesson: what to revisit, never a verdict per question.
 *
 * @param passed null for knowledge checks and the pre-test, which are not passed or failed
 * @param noAnswers how many questions hold "I don't know yet" and how many were left blank (shown even while the key
 *                  is held back: it reveals no key)
 */
public record AttemptResult(long attemptId, QuizSettings.Kind kind, @Nullable String lessonId, double scorePercent,
                            @Nullable Boolean passed, Instant submittedAt, List<QuestionFeedback> feedback,
                            List<QuestionPaper> questions, java.util.Map<String, Answer> answers,
                            List<StudyAdvice.LessonAdvice> advice, java.util.Map<Answer.NoAnswer, Integer> noAnswers) {

    public AttemptResult {
        noAnswers = java.util.Map.copyOf(noAnswers);
    }

    /** How many questions hold this kind of no-answer. */
    public int count(Answer.NoAnswer which) {
        return noAnswers.getOrDefault(which, 0);
    }
}

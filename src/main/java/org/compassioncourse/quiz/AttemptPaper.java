package org.compassioncourse.quiz;

import org.compassioncourse.content.QuizSettings;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * An open (or just resumed) attempt as the quiz page shows it.
 *
 * @param removedQuestions how many of the attempt's questions were removed from the course since it started: they are
 *                         not shown and not scored, and the learner may abandon the attempt instead
 */
public record AttemptPaper(long attemptId, QuizSettings.Kind kind, @Nullable String lessonId, List<QuestionPaper> questions,
                           Map<String, Answer> answers, Map<String, QuestionFeedback> feedback,
                           QuizSettings.FeedbackTiming feedbackTiming, int removedQuestions) {
}

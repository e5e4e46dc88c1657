package org.compassioncourse.quiz;

import org.compassioncourse.content.QuizSettings;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/** An open (or just resumed) attempt as the quiz page shows it. */
public record AttemptPaper(long attemptId, QuizSettings.Kind kind, @Nullable String lessonId, List<QuestionPaper> questions,
                           Map<String, Answer> answers, Map<String, QuestionFeedback> feedback,
                           QuizSettings.FeedbackTiming feedbackTiming) {
}

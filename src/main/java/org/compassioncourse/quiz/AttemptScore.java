package org.compassioncourse.quiz;

import org.compassioncourse.content.QuizSettings;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A submitted attempt as lists and summaries show it: its score and verdict, without the questions or feedback (those
 * are built only for the one attempt a result page shows, {@link AttemptResult}).
 *
 * @param passed null for knowledge checks and the pre-test, which are not passed or failed
 */
public record AttemptScore(long attemptId, QuizSettings.Kind kind, @Nullable String lessonId, double scorePercent,
                           @Nullable Boolean passed, Instant submittedAt) {
}

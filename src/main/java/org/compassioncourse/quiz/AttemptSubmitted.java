package org.compassioncourse.quiz;

import org.compassioncourse.content.QuizSettings;
import org.jspecify.annotations.Nullable;

/** Published once a learner's attempt is scored (after its transaction), for features that act on results. */
public record AttemptSubmitted(long userId, QuizSettings.Kind kind, @Nullable Boolean passed) {
}

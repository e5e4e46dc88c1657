package org.compassioncourse.quiz;

import org.compassioncourse.content.QuizSettings;
import org.jspecify.annotations.Nullable;

/**
 * Published once a learner's attempt is scored (after its transaction), for features that act on results.
 *
 * @param lessonId the lesson of a knowledge check; null for the pre-test and the final
 */
public record AttemptSubmitted(long userId, QuizSettings.Kind kind, @Nullable String lessonId, @Nullable Boolean passed) {

    public AttemptSubmitted(long userId, QuizSettings.Kind kind, @Nullable Boolean passed) {
        this(userId, kind, null, passed);
    }
}

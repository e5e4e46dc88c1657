package org.compassioncourse.quiz;

import org.compassioncourse.content.QuizSettings;
import org.jspecify.annotations.Nullable;

/**
 * Published inside the transaction that scores a learner's attempt (stored with it by Modulith's event publication
 * registry), for features that act on results; their listeners run after the commit.
 *
 * @param lessonId the lesson of a knowledge check; null for the pre-test and the final
 */
public record AttemptSubmitted(long userId, QuizSettings.Kind kind, @Nullable String lessonId, @Nullable Boolean passed) {

    public AttemptSubmitted(long userId, QuizSettings.Kind kind, @Nullable Boolean passed) {
        this(userId, kind, null, passed);
    }
}

package org.compassioncourse.instructor;

import org.compassioncourse.training.TrainingStanding;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One learner of a cohort as the overview grid shows it; computed by the database for one page of rows.
 *
 * @param preTest the counted pre-test score in percent, if taken
 * @param finalScore the counted final assessment score in percent, if taken
 * @param completedAt when the learner completed the course (as the completion feature recorded it), if they have
 * @param certificate the certificate's state: null if none, else "issued" or "revoked"
 * @param training the learner's training status (due date, validity), as its one rule decides it
 */
public record LearnerRow(long userId, String displayName, String email, int lessonsCompleted, int percentComplete,
                         @Nullable String currentLessonId, @Nullable String currentLessonTitle, @Nullable Instant lastActive,
                         @Nullable Double preTest, @Nullable Double finalScore, @Nullable Boolean passed,
                         @Nullable Double learningGain, @Nullable Instant completedAt, @Nullable String certificate,
                         TrainingStanding training) {
}

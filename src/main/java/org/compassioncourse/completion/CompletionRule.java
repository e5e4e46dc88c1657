package org.compassioncourse.completion;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The one rule for "completed the course": every lesson completed AND the final assessment passed. Written once here;
 * pages, certificates and instructor reports read its outcome (stored in course_completion), never decide it again.
 */
final class CompletionRule {

    private CompletionRule() {
    }

    /**
     * When the learner completed the course, if they have: the later of the last lesson completion and the first
     * passing final, so the date is the same whenever it is worked out.
     *
     * @param lessonCompletions the completion time of every lesson of the course, null for a lesson not completed
     * @param firstPassedFinal when the learner first passed the final assessment, null if not yet
     */
    static Optional<Instant> completedAt(Collection<@Nullable Instant> lessonCompletions, @Nullable Instant firstPassedFinal) {
        if (firstPassedFinal == null || lessonCompletions.isEmpty() || lessonCompletions.stream().anyMatch(java.util.Objects::isNull)) {
            return Optional.empty();
        }
        Instant last = firstPassedFinal;
        for (Instant lesson : lessonCompletions) {
            if (lesson != null && lesson.isAfter(last)) {
                last = lesson;
            }
        }
        return Optional.of(last);
    }
}

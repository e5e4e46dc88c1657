package org.compassioncourse.quiz;

import org.compassioncourse.content.QuizSettings;

import java.util.List;

/**
 * How many final-assessment attempts a learner may start: the course's limit plus the attempts instructors granted.
 * An attempt counts once started (an open one included); an attempt abandoned because its questions were removed from
 * the course does not count. The one place this rule is written.
 *
 * @param allowed 0 when the course sets no limit
 */
public record AttemptAllowance(int used, int allowed, boolean open) {

    static AttemptAllowance of(QuizSettings settings, List<QuizAttempt> attempts, int granted) {
        int used = (int) attempts.stream().filter(a -> !a.abandoned()).count();
        boolean open = attempts.stream().anyMatch(QuizAttempt::isOpen);
        return new AttemptAllowance(used, settings.attemptsLimited() ? settings.maxAttempts() + granted : 0, open);
    }

    public boolean limited() {
        return allowed > 0;
    }

    /** Attempts that can still be started (an open attempt is already started). */
    public int left() {
        return limited() ? Math.max(0, allowed - used) : Integer.MAX_VALUE;
    }

    public boolean mayStartAnother() {
        return !limited() || left() > 0;
    }

    /** "2 attempts left", "1 attempt left". */
    public String describeLeft() {
        return left() + (left() == 1 ? " attempt left" : " attempts left");
    }
}

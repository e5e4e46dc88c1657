package org.compassioncourse.quiz;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.SignedInUser;
import org.compassioncourse.cohort.LearnerInMyCohort;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An instructor's side of the final assessment's attempt limit: seeing how many attempts a learner in their cohort has
 * used, and granting one more (recorded with who and when).
 */
@Service
@PreAuthorize("hasRole('INSTRUCTOR')")
public class FinalAttemptGrants {

    /** One recorded grant. */
    public record Grant(String grantedBy, Instant grantedAt) {
    }

    /** Where a learner stands against the limit, with every grant so far. */
    public record Standing(AttemptAllowance allowance, boolean passed, List<Grant> grants) {
    }

    private final Course course;
    private final QuizAttemptRepository attempts;
    private final AttemptGrantRepository grants;
    private final SignedInUser signedInUser;
    private final Clock clock;

    FinalAttemptGrants(Course course, QuizAttemptRepository attempts, AttemptGrantRepository grants, SignedInUser signedInUser, Clock clock) {
        this.course = course;
        this.attempts = attempts;
        this.grants = grants;
        this.signedInUser = signedInUser;
        this.clock = clock;
    }

    /** The learner's standing; the argument proves the instructor may see this learner. */
    @Transactional(readOnly = true)
    public Standing standingOf(LearnerInMyCohort learner) {
        List<QuizAttempt> finals = attempts.findByUserIdAndKindOrderByStartedAtAsc(learner.userId(), QuizSettings.Kind.FINAL_ASSESSMENT);
        List<AttemptGrant> given = grants.findByUserIdAndKindOrderByGrantedAtAsc(learner.userId(), QuizSettings.Kind.FINAL_ASSESSMENT);
        boolean passed = CountedResults.passed(course.quiz(QuizSettings.Kind.FINAL_ASSESSMENT).counts(),
                finals.stream().filter(a -> a.submittedAt() != null).toList(),
                a -> a.scorePercent() == null ? 0 : a.scorePercent(), a -> Boolean.TRUE.equals(a.passed()));
        return new Standing(AttemptAllowance.of(course.quiz(QuizSettings.Kind.FINAL_ASSESSMENT), finals, given.size()), passed,
                given.stream().map(g -> new Grant(g.grantedByName(), g.grantedAt())).toList());
    }

    /**
     * Grants the learner one more final-assessment attempt. Refused when the course sets no limit, when the learner has
     * passed, or while the learner still has an attempt left (a grant is for someone who has run out).
     */
    @Transactional
    public Standing grantOneMoreAttempt(LearnerInMyCohort learner) {
        Standing standing = standingOf(learner);
        if (!standing.allowance().limited()) {
            throw new AnswerRejectedException("This course sets no limit on final-assessment attempts, so there is nothing to grant.");
        }
        if (standing.passed()) {
            throw new AnswerRejectedException(learner.displayName() + " has passed the final assessment already.");
        }
        if (standing.allowance().left() > 0) {
            throw new AnswerRejectedException(learner.displayName() + " still has " + standing.allowance().describeLeft()
                    + "; grant one more when they have used them.");
        }
        CurrentUser instructor = signedInUser.require();
        grants.saveAndFlush(new AttemptGrant(learner.userId(), QuizSettings.Kind.FINAL_ASSESSMENT, instructor.accountId(),
                instructor.displayName(), clock.instant().truncatedTo(ChronoUnit.MICROS)));
        return standingOf(learner);
    }
}

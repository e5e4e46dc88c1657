package org.compassioncourse.quiz;

import org.compassioncourse.security.SignedInUser;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in learner's quiz results: scores, the counted result per quiz, the learning gain, and a finished
 * attempt with its answers, key and feedback as the quiz's feedback setting allows. Every call reads the signed-in
 * learner's own attempts: another learner's attempt is refused.
 */
@Service
@PreAuthorize("hasAnyRole('LEARNER', 'INSTRUCTOR')")
public class QuizResults {

    private final Course course;
    private final QuizAttemptRepository attempts;
    private final QuizResponseRepository responses;
    private final SignedInUser signedInUser;
    private final TransactionTemplate transaction;
    private final LearnerScores learnerScores;
    private final ResultWriter results;

    QuizResults(Course course, QuizAttemptRepository attempts, QuizResponseRepository responses, SignedInUser signedInUser,
                PlatformTransactionManager transactionManager, LearnerScores learnerScores, ResultWriter results) {
        this.course = course;
        this.attempts = attempts;
        this.responses = responses;
        this.signedInUser = signedInUser;
        this.transaction = new TransactionTemplate(transactionManager);
        this.learnerScores = learnerScores;
        this.results = results;
    }

    /**
     * The learner's submitted attempts at a quiz, oldest first, each with its questions and feedback (for the learner's
     * record and data export; lists of scores read {@link #myScores()}, which builds no feedback). Three queries
     * however many attempts.
     */
    public List<AttemptResult> myResults(QuizSettings.Kind kind) {
        long userId = signedInUser.require().accountId();
        return transaction.execute(status -> {
            List<QuizAttempt> scored = attempts.findByUserIdAndKindOrderByStartedAtAsc(userId, kind).stream().filter(QuizAttempt::scored).toList();
            if (scored.isEmpty()) {
                return List.<AttemptResult>of();
            }
            Map<Long, List<QuizResponse>> byAttempt = new HashMap<>();
            responses.findByAttemptIdIn(scored.stream().map(QuizAttempt::id).toList())
                    .forEach(r -> byAttempt.computeIfAbsent(r.attemptId(), id -> new ArrayList<>()).add(r));
            ResultWriter.PassedFinal passedFinal = results.passedFinal(userId);
            return scored.stream().map(a -> results.of(a, byAttempt.getOrDefault(a.id(), List.of()), passedFinal)).toList();
        });
    }

    /**
     * The attempt that counts for this quiz under the course's counting rule, if any was submitted, with its questions
     * and feedback (one attempt's worth: for a result page). Pages that show only the score read {@link #myScores()}.
     */
    public Optional<AttemptResult> countingResult(QuizSettings.Kind kind) {
        long userId = signedInUser.require().accountId();
        return transaction.execute(status -> {
            List<QuizAttempt> scored = attempts.findByUserIdAndKindOrderByStartedAtAsc(userId, kind).stream().filter(QuizAttempt::scored).toList();
            // decided by the one rule (CountedResults#counted), to attempts or to their scores alike
            return CountedResults.countedAttempt(course, kind, scored).map(results::of);
        });
    }

    /**
     * Every result the learner's pages list or count, in one or two queries however many attempts: scores, the
     * counting attempt per quiz, best knowledge-check scores and the knowledge checks tried. No feedback is built.
     */
    public QuizScores myScores() {
        long userId = signedInUser.require().accountId();
        return learnerScores.of(userId);
    }

    /** The learner's best knowledge-check score per lesson id (practice: shown as progress, never graded). */
    public Map<String, Double> bestKnowledgeCheckScores() {
        return myScores().bestKnowledgeCheck();
    }

    /** The lessons whose knowledge check the learner has tried: at least one answer checked, finished or not. */
    public Set<String> knowledgeChecksTried() {
        return myScores().knowledgeChecksTried();
    }

    /** Normalised learning gain (post − pre) / (100 − pre), once both a pre-test and a final assessment exist. */
    public Optional<Double> learningGain() {
        return myScores().learningGain();
    }

    /**
     * A finished (submitted) attempt of the learner's, with answers, key and feedback as the quiz's feedback setting
     * allows: the page {@code /quiz-review/<attempt>}.
     */
    public AttemptResult finishedAttempt(long attemptId) {
        long userId = signedInUser.require().accountId();
        return transaction.execute(status -> {
            QuizAttempt attempt = attempts.own(attemptId, userId);
            if (!attempt.scored()) {
                throw new AnswerRejectedException(attempt.isOpen() ? "This attempt is still open; submit it to see the review."
                        : "This attempt was abandoned; it has no result.");
            }
            return results.of(attempt);
        });
    }
}

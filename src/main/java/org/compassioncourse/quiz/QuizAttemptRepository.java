package org.compassioncourse.quiz;

import org.compassioncourse.content.QuizSettings;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface QuizAttemptRepository extends JpaRepository<QuizAttempt, Long> {

    Optional<QuizAttempt> findByOpenKey(String openKey);

    List<QuizAttempt> findByUserIdAndKindOrderByStartedAtAsc(long userId, QuizSettings.Kind kind);

    /** Every attempt of the learner, at every quiz, in one query (the pages that list or count results read this). */
    List<QuizAttempt> findByUserIdOrderByStartedAtAsc(long userId);

    /** The attempt, its row locked until the transaction ends: answers and the submission of one attempt take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from QuizAttempt a where a.id = :id")
    Optional<QuizAttempt> lockById(long id);

    /** The learner's own attempt: another learner's is refused with the same "not found" as a missing one. */
    default QuizAttempt own(long attemptId, long userId) {
        return ownedBy(findById(attemptId), userId);
    }

    /** The learner's own attempt, its row locked as {@link #lockById} does; another learner's is refused as missing. */
    default QuizAttempt ownLocked(long attemptId, long userId) {
        return ownedBy(lockById(attemptId), userId);
    }

    private static QuizAttempt ownedBy(Optional<QuizAttempt> found, long userId) {
        QuizAttempt attempt = found.orElseThrow(() -> new AnswerRejectedException("There is no such attempt."));
        if (attempt.userId() != userId) {
            // the same message as a missing attempt: do not reveal that another learner's attempt exists
            throw new AnswerRejectedException("There is no such attempt.");
        }
        return attempt;
    }
}

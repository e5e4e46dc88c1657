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
}

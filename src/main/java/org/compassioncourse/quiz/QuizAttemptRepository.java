package org.compassioncourse.quiz;

import org.compassioncourse.content.QuizSettings;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface QuizAttemptRepository extends JpaRepository<QuizAttempt, Long> {

    Optional<QuizAttempt> findByOpenKey(String openKey);

    List<QuizAttempt> findByUserIdAndKindOrderByStartedAtAsc(long userId, QuizSettings.Kind kind);
}

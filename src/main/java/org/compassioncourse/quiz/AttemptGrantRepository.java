package org.compassioncourse.quiz;

import org.compassioncourse.content.QuizSettings;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface AttemptGrantRepository extends JpaRepository<AttemptGrant, Long> {

    List<AttemptGrant> findByUserIdAndKindOrderByGrantedAtAsc(long userId, QuizSettings.Kind kind);
}

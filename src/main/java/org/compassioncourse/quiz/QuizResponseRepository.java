package org.compassioncourse.quiz;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface QuizResponseRepository extends JpaRepository<QuizResponse, Long> {

    List<QuizResponse> findByAttemptId(long attemptId);

    Optional<QuizResponse> findByAttemptIdAndQuestionId(long attemptId, String questionId);
}

package org.compassioncourse.quiz;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface QuizResponseRepository extends JpaRepository<QuizResponse, Long> {

    List<QuizResponse> findByAttemptId(long attemptId);

    /** The responses of several attempts in one query (a list of results builds no query per attempt). */
    List<QuizResponse> findByAttemptIdIn(java.util.Collection<Long> attemptIds);

    /** Which of these attempts have at least one answer, in one query. */
    @org.springframework.data.jpa.repository.Query("select distinct r.attemptId from QuizResponse r where r.attemptId in :attemptIds")
    List<Long> attemptsWithAnswers(java.util.Collection<Long> attemptIds);

    Optional<QuizResponse> findByAttemptIdAndQuestionId(long attemptId, String questionId);
}

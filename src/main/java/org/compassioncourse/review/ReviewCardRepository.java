package org.compassioncourse.review;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface ReviewCardRepository extends JpaRepository<ReviewCard, Long> {

    Optional<ReviewCard> findByIdAndUserId(long id, long userId);

    List<ReviewCard> findByUserIdOrderByIdAsc(long userId);

    List<ReviewCard> findByUserIdAndQuestionIdIn(long userId, List<String> questionIds);

    List<ReviewCard> findByUserIdAndRepsAndRetiredFalse(long userId, int reps);

    List<ReviewCard> findByUserIdAndRetiredFalseAndDueLessThanOrderByDueAscIdAsc(long userId, Instant before, Limit limit);

    long countByUserIdAndRetiredFalseAndDueLessThan(long userId, Instant before);

    Optional<ReviewCard> findFirstByUserIdAndRetiredFalseOrderByDueAsc(long userId);

    @Query("select distinct c.questionId from ReviewCard c where c.retired = false")
    List<String> activeQuestionIds();

    @Query("update ReviewCard c set c.retired = true where c.questionId in :questionIds")
    @org.springframework.data.jpa.repository.Modifying
    int retireQuestions(List<String> questionIds);
}

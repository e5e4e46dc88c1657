package org.compassioncourse.review;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewLogRepository extends JpaRepository<ReviewLog, Long> {

    java.util.List<ReviewLog> findByCardIdInOrderByReviewedAtAsc(java.util.Collection<Long> cardIds);
}

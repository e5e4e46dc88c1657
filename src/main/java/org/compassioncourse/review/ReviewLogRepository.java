package org.compassioncourse.review;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewLogRepository extends JpaRepository<ReviewLog, Long> {
}

package org.compassioncourse.cohort;

import org.springframework.data.jpa.repository.JpaRepository;

interface CohortMemberRepository extends JpaRepository<CohortMember, CohortMember.Key> {
}

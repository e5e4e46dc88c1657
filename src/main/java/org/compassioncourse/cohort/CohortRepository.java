package org.compassioncourse.cohort;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface CohortRepository extends JpaRepository<Cohort, Long> {

    Optional<Cohort> findByJoinCode(String joinCode);

    boolean existsByJoinCode(String joinCode);

    boolean existsByInstructorIdAndNameIgnoreCase(long instructorId, String name);

    /** The instructor's cohorts with their member counts, in one query. */
    @Query("""
            select new org.compassioncourse.cohort.CohortSummary(c.id, c.name, c.joinCode, c.createdAt,
                   (select count(m) from CohortMember m where m.key.cohortId = c.id))
            from Cohort c where c.instructorId = :instructorId order by c.createdAt desc""")
    List<CohortSummary> summariesOf(long instructorId);

    /** One of the instructor's cohorts with its member count (empty for anyone else's), in one query. */
    @Query("""
            select new org.compassioncourse.cohort.CohortSummary(c.id, c.name, c.joinCode, c.createdAt,
                   (select count(m) from CohortMember m where m.key.cohortId = c.id))
            from Cohort c where c.id = :cohortId and c.instructorId = :instructorId""")
    Optional<CohortSummary> summaryOf(long instructorId, long cohortId);

    @Query("""
            select new org.compassioncourse.cohort.CohortSummary(c.id, c.name, c.joinCode, c.createdAt,
                   (select count(m2) from CohortMember m2 where m2.key.cohortId = c.id))
            from Cohort c where exists (select 1 from CohortMember m where m.key.cohortId = c.id and m.key.userId = :userId)
            order by c.name""")
    List<CohortSummary> joinedBy(long userId);

    /** The instructors of the cohorts the user has joined, each once. */
    @Query("""
            select distinct c.instructorId from Cohort c, CohortMember m
            where m.key.cohortId = c.id and m.key.userId = :userId""")
    List<Long> instructorsOf(long userId);
}

package org.compassioncourse.cohort;

import org.compassioncourse.base.LearnerSet;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Who is in a cohort, for the other modules' services that report on a cohort (they ask for its members and then
 * answer from their own tables). No access check: callers check first, e.g. with
 * {@link CohortService#requireOwnCohort(long)}; views never use this.
 */
@Service
public class CohortMembers {

    private final NamedParameterJdbcTemplate jdbc;

    CohortMembers(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The cohort's members as a set another module's query can take ({@code user_id in (sub-select)}). */
    public LearnerSet of(long cohortId) {
        return LearnerSet.select("select cm.user_id from cohort_member cm where cm.cohort_id = :membersOfCohort",
                Map.of("membersOfCohort", cohortId));
    }

    /** The members of any of these cohorts, as one set. */
    public LearnerSet ofAny(Collection<Long> cohortIds) {
        return LearnerSet.select("select distinct cm.user_id from cohort_member cm where cm.cohort_id in (:membersOfCohorts)",
                Map.of("membersOfCohorts", List.copyOf(cohortIds)));
    }

    /** The user ids of the cohort's members, in joining order. */
    @Transactional(readOnly = true)
    public List<Long> ids(long cohortId) {
        return jdbc.queryForList("select user_id from cohort_member where cohort_id = :c order by joined_at, user_id",
                Map.of("c", cohortId), Long.class);
    }
}

package org.compassioncourse.cohort;

import org.compassioncourse.base.LearnerSet;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    /** The cohort's members as a set another module's query can take (a join of the member table). */
    public LearnerSet of(long cohortId) {
        // a plain join, which H2 answers from the primary key (a derived table or an in (sub-select) was run again for
        // every row: minutes at 10,000 learners); the receiving query qualifies its own user_id columns
        return LearnerSet.joined("join cohort_member members_of_cohort on members_of_cohort.cohort_id = :membersOfCohort"
                + " and members_of_cohort.user_id = %s", Map.of("membersOfCohort", cohortId));
    }

    /** The user ids of the cohort's members, in joining order. */
    @Transactional(readOnly = true)
    public List<Long> ids(long cohortId) {
        return jdbc.queryForList("select user_id from cohort_member where cohort_id = :c order by joined_at, user_id",
                Map.of("c", cohortId), Long.class);
    }
}

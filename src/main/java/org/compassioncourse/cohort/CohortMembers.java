package org.compassioncourse.cohort;

import org.compassioncourse.base.LearnerSet;
import org.compassioncourse.base.SqlTimes;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /** One learner's membership of one cohort: which cohort, and when they joined it. */
    public record Membership(long cohortId, Instant joinedAt) {
    }

    /**
     * Every cohort each of {@code learners} belongs to, with the moment they joined, in one statement (for rules that
     * run from joining, such as a due date "within N days of joining").
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Membership>> memberships(LearnerSet learners) {
        Map<Long, List<Membership>> found = new HashMap<>();
        if (learners.isEmpty()) {
            return found;
        }
        jdbc.query("select m.user_id, m.cohort_id, m.joined_at from cohort_member m" + learners.join("m.user_id")
                + "where " + learners.where("m.user_id"), learners.parameters(), rs -> {
                    found.computeIfAbsent(rs.getLong("user_id"), id -> new ArrayList<>()).add(
                            new Membership(rs.getLong("cohort_id"),
                                    Objects.requireNonNull(SqlTimes.instant(rs.getObject("joined_at")))));
                });
        return found;
    }

    /** Every cohort with its owner and size, for an administrator's report across cohorts (callers check the role). */
    @Transactional(readOnly = true)
    public List<CohortOfInstructor> everyCohort() {
        return jdbc.query("select c.id, c.name, c.instructor_id, count(m.user_id) as members from cohort c"
                + " left join cohort_member m on m.cohort_id = c.id group by c.id, c.name, c.instructor_id order by c.name, c.id",
                (rs, row) -> new CohortOfInstructor(rs.getLong("id"), rs.getString("name"), rs.getLong("instructor_id"),
                        rs.getLong("members")));
    }

    /** A cohort as an administrator's report lists it. */
    public record CohortOfInstructor(long id, String name, long instructorId, long members) {
    }

    /** The user ids of the cohort's members, in joining order. */
    @Transactional(readOnly = true)
    public List<Long> ids(long cohortId) {
        return jdbc.queryForList("select user_id from cohort_member where cohort_id = :c order by joined_at, user_id",
                Map.of("c", cohortId), Long.class);
    }
}

package org.compassioncourse.cohort;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Cohorts of invented learners, made in bulk for the synthetic cohorts and the load test only (never from a view):
 * the cohort and thousands of members in one batch, with a join code the caller chose (lower case, so no real learner
 * can type it).
 */
@Component
public class SyntheticCohorts {

    private final JdbcTemplate jdbc;

    public SyntheticCohorts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the instructor's cohort; a name the instructor already uses gets a number ("… (2)"), so an instructor's
     * cohort names stay distinct. Returns its id.
     */
    @Transactional
    public long create(long instructorId, String name, String joinCode, Instant createdAt) {
        Long sameName = jdbc.queryForObject("select count(*) from cohort where instructor_id = ? and (name = ? or name like ?)",
                Long.class, instructorId, name, name + " (%)");
        String distinct = sameName != null && sameName > 0 ? name + " (" + (sameName + 1) + ")" : name;
        jdbc.update("insert into cohort (instructor_id, name, join_code, created_at) values (?, ?, ?, ?)",
                instructorId, distinct, joinCode, Timestamp.from(createdAt));
        return jdbc.queryForObject("select id from cohort where join_code = ?", Long.class, joinCode);
    }

    /** Adds the learners to the cohort in one batch, all joining at the same moment. */
    @Transactional
    public void addMembers(long cohortId, List<Long> userIds, Instant joinedAt) {
        Timestamp at = Timestamp.from(joinedAt);
        List<Object[]> rows = new ArrayList<>(userIds.size());
        for (long userId : userIds) {
            rows.add(new Object[]{cohortId, userId, at});
        }
        jdbc.batchUpdate("insert into cohort_member (cohort_id, user_id, joined_at) values (?, ?, ?)", rows);
    }
}

package org.compassioncourse.completion;

import org.compassioncourse.base.LearnerSet;
import org.compassioncourse.base.SqlTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Completions and certificates of many learners at once, for reports on a cohort, in one statement over this module's
 * tables. No access check: the calling service checks that its user may see these learners; views never use this.
 */
@Service
public class CompletionFigures {

    /**
     * @param completedAt when the course was completed, as recorded, if it was
     * @param certificate null if no certificate was issued, else "issued" or "revoked"
     */
    public record Completed(@Nullable Instant completedAt, @Nullable String certificate) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    CompletionFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The completions of those of {@code userIds} who completed the course or hold a certificate. */
    @Transactional(readOnly = true)
    public Map<Long, Completed> of(LearnerSet learners) {
        Map<Long, Completed> figures = new HashMap<>();
        if (learners.isEmpty()) {
            return figures;
        }
        // both tables in one statement; a learner can have a completion, a certificate or (usually) both
        jdbc.query("select c.user_id, c.completed_at, null as certificate from course_completion c" + learners.join("c.user_id")
                + "where " + learners.where("c.user_id") + " union all select ce.user_id, null as completed_at,"
                + " case when ce.revoked_at is null then 'issued' else 'revoked' end as certificate"
                + " from certificate ce" + learners.join("ce.user_id") + "where " + learners.where("ce.user_id"), learners.parameters(), rs -> {
                    Instant completedAt = SqlTimes.instant(rs.getObject("completed_at"));
                    String certificate = rs.getString("certificate");
                    figures.merge(rs.getLong("user_id"), new Completed(completedAt, certificate), (a, b) -> new Completed(
                            a.completedAt() != null ? a.completedAt() : b.completedAt(),
                            a.certificate() != null ? a.certificate() : b.certificate()));
                });
        return figures;
    }

}

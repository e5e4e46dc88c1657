package org.compassioncourse.quiz;

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
import java.util.Objects;

/**
 * Quiz results of many learners at once, for reports on a cohort, in one statement over the stored counted results
 * ({@code quiz_result}, which this module keeps as {@link CountedResults} decides). No access check: the calling
 * service checks that its user may see these learners; views never use this.
 */
@Service
public class ResultFigures {

    /**
     * @param preTest the counted pre-test score in percent, if taken
     * @param finalScore the counted final score in percent, if taken
     * @param finalPassed whether the learner passed the final (the counted attempt's verdict), if taken
     * @param lastSubmitted the latest submission of any quiz
     */
    public record Results(@Nullable Double preTest, @Nullable Double finalScore, @Nullable Boolean finalPassed,
                          Instant lastSubmitted) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    ResultFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The results of those of {@code userIds} who have submitted any quiz (the others have none). */
    @Transactional(readOnly = true)
    public Map<Long, Results> of(LearnerSet learners) {
        Map<Long, Results> figures = new HashMap<>();
        if (learners.isEmpty()) {
            return figures;
        }
        jdbc.query("select q.user_id,"
                + " max(case when q.kind = 'PRE_TEST' and q.quiz_key = '' then q.score_percent end) as pre_test,"
                + " max(case when q.kind = 'FINAL_ASSESSMENT' and q.quiz_key = '' then q.score_percent end) as final_score,"
                + " max(case when q.kind = 'FINAL_ASSESSMENT' and q.quiz_key = '' then case when q.passed then 1 else 0 end end) as final_passed,"
                + " max(q.last_submitted_at) as last_submitted"
                + " from quiz_result q" + learners.join("q.user_id") + "where " + learners.where("q.user_id") + " group by q.user_id", learners.parameters(), rs -> {
                    Number passed = (Number) rs.getObject("final_passed");
                    figures.put(rs.getLong("user_id"), new Results(doubleOrNull(rs.getObject("pre_test")),
                            doubleOrNull(rs.getObject("final_score")), passed == null ? null : passed.intValue() == 1,
                            Objects.requireNonNull(SqlTimes.instant(rs.getObject("last_submitted")))));
                });
        return figures;
    }

    /**
     * @param firstPassedAt when the learner first passed the final
     * @param countedScore the counted final score, as stored
     */
    public record FinalPass(Instant firstPassedAt, double countedScore) {
    }

    /** When each of those of {@code userIds} who passed the final first passed it, and their counted final score. */
    @Transactional(readOnly = true)
    public Map<Long, FinalPass> finalPasses(LearnerSet learners) {
        Map<Long, FinalPass> passes = new HashMap<>();
        if (learners.isEmpty()) {
            return passes;
        }
        jdbc.query("select a.user_id, min(a.submitted_at) as first_pass, max(r.score_percent) as counted from quiz_attempt a"
                + " left join quiz_result r on r.user_id = a.user_id and r.kind = 'FINAL_ASSESSMENT' and r.quiz_key = ''"
                + learners.join("a.user_id") + "where " + learners.where("a.user_id") + " and a.kind = 'FINAL_ASSESSMENT' and a.passed = true and a.submitted_at is not null"
                + " group by a.user_id", learners.parameters(), rs -> {
                    passes.put(rs.getLong("user_id"), new FinalPass(Objects.requireNonNull(SqlTimes.instant(rs.getObject("first_pass"))), rs.getDouble("counted")));
                });
        return passes;
    }

    private static @Nullable Double doubleOrNull(@Nullable Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

}

package org.compassioncourse.review;

import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Spaced review as an instructor sees one of their cohorts: who has reviews overdue by more than a week, and the
 * estimated retention of each learning objective now. Both come from aggregate queries (no cards loaded); only
 * the instructor who owns the cohort gets in.
 */
@Service
@PreAuthorize("hasRole('INSTRUCTOR')")
public class CohortRetention {

    /** Reviews overdue by more than this make a learner worth a nudge. */
    public static final Duration OVERDUE_AFTER = Duration.ofDays(7);

    private final CohortService cohortService;
    private final Course course;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final FsrsScheduler scheduler;

    CohortRetention(CohortService cohortService, Course course, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.cohortService = cohortService;
        this.course = course;
        this.jdbc = jdbc;
        this.clock = clock;
        this.scheduler = new FsrsScheduler(course.review().desiredRetention());
    }

    /** A learner with cards overdue by more than a week, and since when the oldest has been due. */
    public record OverdueLearner(long userId, String displayName, int overdueCards, Instant oldestDue) {
    }

    /**
     * One learning objective's estimated retention: the mean retrievability R over the cohort's reviewed cards of
     * that objective, now (cards never reviewed yet have no memory state and are left out).
     */
    public record ObjectiveRetention(String lessonId, int objective, String label, double meanRetrievability,
                                     int cards, int learners) {
    }

    @Transactional(readOnly = true)
    public List<OverdueLearner> overdueLearners(long cohortId) {
        cohortService.requireOwnCohort(cohortId);
        String sql = """
                select u.id, u.display_name, count(*) as overdue, min(c.due) as oldest
                from review_card c
                join cohort_member m on m.user_id = c.user_id and m.cohort_id = :cohortId
                join user_account u on u.id = c.user_id
                where c.retired = false and c.due < :before
                group by u.id, u.display_name
                order by oldest, u.display_name""";
        return jdbc.query(sql, new MapSqlParameterSource("cohortId", cohortId)
                        .addValue("before", Timestamp.from(clock.instant().minus(OVERDUE_AFTER))),
                (rs, i) -> new OverdueLearner(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toInstant()));
    }

    /**
     * Retention per objective in one SQL aggregate. R(t, S) = (1 + FACTOR·t/S)^DECAY (FSRS-6, see
     * {@link FsrsScheduler#retrievability(double, double)}), with t the whole days since the card's last review,
     * computed in the database from epoch seconds (the same SQL on H2 and PostgreSQL).
     */
    @Transactional(readOnly = true)
    public List<ObjectiveRetention> retentionByObjective(long cohortId) {
        cohortService.requireOwnCohort(cohortId);
        String sql = """
                select c.lesson_id, c.objective,
                       avg(power(1 + :factor * floor((:nowSeconds - extract(epoch from c.last_review)) / 86400) / c.stability, :decay)) as r,
                       count(*) as cards, count(distinct c.user_id) as learners
                from review_card c
                join cohort_member m on m.user_id = c.user_id and m.cohort_id = :cohortId
                where c.retired = false and c.last_review is not null
                group by c.lesson_id, c.objective""";
        MapSqlParameterSource parameters = new MapSqlParameterSource("cohortId", cohortId)
                .addValue("factor", scheduler.factor())
                .addValue("decay", scheduler.decay())
                .addValue("nowSeconds", clock.instant().getEpochSecond());
        List<ObjectiveRetention> rows = jdbc.query(sql, parameters, (rs, i) -> new ObjectiveRetention(rs.getString(1), rs.getInt(2),
                label(rs.getString(1), rs.getInt(2)), rs.getDouble(3), rs.getInt(4), rs.getInt(5)));
        return rows.stream().sorted(java.util.Comparator.comparingInt((ObjectiveRetention r) -> lessonOrder(r.lessonId()))
                .thenComparingInt(ObjectiveRetention::objective)).toList();
    }

    private int lessonOrder(String lessonId) {
        return course.lesson(lessonId).map(Lesson::order).orElse(Integer.MAX_VALUE);
    }

    private String label(String lessonId, int objective) {
        return course.lesson(lessonId).map(l -> "Lesson " + l.order() + ", objective " + objective
                + (objective >= 1 && objective <= l.objectives().size() ? ": " + l.objectives().get(objective - 1) : ""))
                .orElse(lessonId + ", objective " + objective);
    }
}

package org.compassioncourse.instructor;

import org.compassioncourse.base.Percent;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.cohort.LearnerInMyCohort;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.quiz.LearningGain;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The instructor's view of one of their cohorts: a page of learners at a time, filtered and sorted by the
 * database (never all rows in memory), plus summary figures. Only the instructor who owns the cohort gets in.
 */
@Service
@PreAuthorize("hasRole('INSTRUCTOR')")
public class CohortReviewService {

    /** Days without any activity after which a learner who has not finished counts as stuck. */
    public static final int STUCK_AFTER_DAYS = 14;

    /** Columns the grid may sort by, mapped to the query's column names (a whitelist: no SQL from the browser). */
    public enum SortColumn {
        NAME("display_name"), PERCENT("lessons_completed"), LAST_ACTIVE("last_active"),
        PRE_TEST("pre_test"), FINAL("final_score");

        private final String column;

        SortColumn(String column) {
            this.column = column;
        }
    }

    private final CohortService cohortService;
    private final Course course;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    CohortReviewService(CohortService cohortService, Course course, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.cohortService = cohortService;
        this.course = course;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One page of the cohort's learners. */
    @Transactional(readOnly = true)
    public List<LearnerRow> learners(long cohortId, LearnerStatus status, SortColumn sort, boolean ascending, int offset, int limit) {
        cohortService.requireOwnCohort(cohortId);
        String order = " order by " + sort.column + (ascending ? " asc" : " desc") + " nulls last, display_name asc, user_id asc";
        // the page's 50 learners are picked from the light per-learner figures (filter, sort, offset), and only their
        // rows get the grid's full figures: no per-learner subqueries for the thousands of learners off the page
        String page = status == LearnerStatus.ALL && sort == SortColumn.NAME
                // unfiltered by name (the page's default): the members sorted by name alone, no figures needed to pick them
                ? "(select m.user_id from cohort_member m join user_account n on n.id = m.user_id where m.cohort_id = :cohortId"
                        + " order by n.display_name" + (ascending ? " asc" : " desc") + ", n.display_name asc, n.id asc"
                        + " offset :offset rows fetch next :limit rows only)"
                : "(select user_id from (" + figuresSql() + ") f where " + statusCondition(status) + order
                        + " offset :offset rows fetch next :limit rows only)";
        String sql = "select * from (" + rowsSql(page) + ") t" + order;
        return jdbc.query(sql, parameters(cohortId).addValue("offset", offset).addValue("limit", limit), this::row);
    }

    /** One learner's row, as the cohort grid shows it, for the learner's own page (the same figures, one query). */
    @Transactional(readOnly = true)
    public LearnerRow learner(LearnerInMyCohort learner) {
        return jdbc.queryForObject("select * from (" + rowsSql() + ") t where user_id = :userId",
                parameters(learner.cohortId()).addValue("userId", learner.userId()), this::row);
    }

    private LearnerRow row(ResultSet rs, int rowNumber) throws SQLException {
        int completed = rs.getInt("lessons_completed");
        String lessonId = rs.getString("current_lesson");
        Double pre = (Double) rs.getObject("pre_test");
        Double fin = (Double) rs.getObject("final_score");
        return new LearnerRow(rs.getLong("user_id"), rs.getString("display_name"), rs.getString("email"), completed,
                Percent.of(completed, course.lessons().size()),
                lessonId, lessonId == null ? null : course.lesson(lessonId).map(Lesson::title).orElse(null),
                instant(rs.getObject("last_active")), pre, fin,
                (Boolean) rs.getObject("final_passed"),
                pre == null || fin == null ? null : LearningGain.normalised(pre, fin).orElse(null),
                instant(rs.getObject("completed_at")), rs.getString("certificate"));
    }

    /** How many of the cohort's learners match the filter. */
    @Transactional(readOnly = true)
    public int count(long cohortId, LearnerStatus status) {
        cohortService.requireOwnCohort(cohortId);
        Integer count = status == LearnerStatus.ALL
                ? jdbc.queryForObject("select count(*) from cohort_member where cohort_id = :cohortId", parameters(cohortId), Integer.class)
                : status == LearnerStatus.PASSED
                ? jdbc.queryForObject("select count(*) from cohort_member m join quiz_result f on f.user_id = m.user_id"
                + " and f.kind = 'FINAL_ASSESSMENT' and f.quiz_key = '' where m.cohort_id = :cohortId and f.passed = true",
                parameters(cohortId), Integer.class)
                : jdbc.queryForObject("select count(*) from (" + figuresSql() + ") t where " + statusCondition(status),
                parameters(cohortId), Integer.class);
        return count == null ? 0 : count;
    }

    /** Summary figures for the top of the overview. */
    @Transactional(readOnly = true)
    public CohortOverview overview(long cohortId) {
        CohortSummary cohort = cohortService.requireOwnCohort(cohortId);
        // each figure from the table that holds it (started = any reading or any submitted quiz), in one statement
        String members = " from cohort_member m where m.cohort_id = :cohortId";
        String finals = " from cohort_member m join quiz_result f on f.user_id = m.user_id and f.kind = 'FINAL_ASSESSMENT'"
                + " and f.quiz_key = '' where m.cohort_id = :cohortId";
        Map<String, Object> row = jdbc.queryForMap("select (select count(*)" + members + ") as learners,"
                + " (select count(*)" + members + " and (exists (select 1 from lesson_progress p where p.user_id = m.user_id)"
                + " or exists (select 1 from quiz_result r where r.user_id = m.user_id))) as started,"
                + " (select count(*) from (select p.user_id from cohort_member m join lesson_progress p on p.user_id = m.user_id"
                + " where m.cohort_id = :cohortId and p.completed_at is not null and p.lesson_id in (:lessonIds)"
                + " group by p.user_id having count(*) >= :lessons) d) as completed,"
                + " (select count(*)" + finals + " and f.passed = true) as passed,"
                + " (select avg(f.score_percent)" + finals + ") as average_final", parameters(cohortId));
        return new CohortOverview(cohort.id(), cohort.name(), cohort.joinCode(), number(row.get("learners")),
                number(row.get("started")), number(row.get("completed")), number(row.get("passed")),
                row.get("average_final") == null ? null : ((Number) row.get("average_final")).doubleValue());
    }

    /** Completion by lesson, final score distribution and pre vs post means, each computed by the database. */
    @Transactional(readOnly = true)
    public CohortCharts charts(long cohortId) {
        cohortService.requireOwnCohort(cohortId);
        Map<String, Long> completed = new java.util.HashMap<>();
        jdbc.query("select lp.lesson_id, count(*) as learners from lesson_progress lp join cohort_member m on m.user_id = lp.user_id"
                + " where m.cohort_id = :cohortId and lp.completed_at is not null group by lp.lesson_id", parameters(cohortId),
                rs -> {
                    completed.put(rs.getString("lesson_id"), rs.getLong("learners"));
                });
        List<CohortCharts.LessonCount> funnel = course.lessons().stream()
                .map(l -> new CohortCharts.LessonCount(l.order(), l.title(), completed.getOrDefault(l.id(), 0L))).toList();
        long[] buckets = new long[10];
        // score bands and pre vs post means in one pass over the stored results (band 9 takes 90–100)
        StringBuilder bands = new StringBuilder();
        for (int band = 0; band < 10; band++) {
            bands.append(" sum(case when fin.score_percent >= ").append(band * 10)
                    .append(band == 9 ? "" : " and fin.score_percent < " + (band * 10 + 10)).append(" then 1 else 0 end) as band").append(band).append(",");
        }
        Map<String, Object> means = jdbc.queryForMap("select" + bands
                + " avg(case when pre.score_percent is not null then pre.score_percent end) as pre,"
                + " avg(case when pre.score_percent is not null then fin.score_percent end) as post,"
                + " sum(case when pre.score_percent is not null then 1 else 0 end) as learners"
                + " from cohort_member m join quiz_result fin on fin.user_id = m.user_id and fin.kind = 'FINAL_ASSESSMENT' and fin.quiz_key = ''"
                + " left join quiz_result pre on pre.user_id = m.user_id and pre.kind = 'PRE_TEST' and pre.quiz_key = ''"
                + " where m.cohort_id = :cohortId", parameters(cohortId));
        for (int band = 0; band < 10; band++) {
            buckets[band] = number(means.get("band" + band));
        }
        return new CohortCharts(funnel, buckets,
                means.get("pre") == null ? null : ((Number) means.get("pre")).doubleValue(),
                means.get("post") == null ? null : ((Number) means.get("post")).doubleValue(), number(means.get("learners")));
    }

    private MapSqlParameterSource parameters(long cohortId) {
        return new MapSqlParameterSource("cohortId", cohortId)
                .addValue("lessons", course.lessons().size())
                // "lessons completed" counts the lessons of the course as it is now, as the learner's own pages do: a
                // lesson removed from the course leaves its progress rows behind, which must not count (over 100%)
                .addValue("lessonIds", course.lessons().stream().map(Lesson::id).toList())
                .addValue("stuckBefore", OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(STUCK_AFTER_DAYS)), java.time.ZoneOffset.UTC));
    }

    private String statusCondition(LearnerStatus status) {
        return switch (status) {
            case ALL -> "1 = 1";
            case NOT_STARTED -> "last_active is null";
            case IN_PROGRESS -> "last_active >= :stuckBefore and lessons_completed < :lessons";
            case STUCK -> "last_active < :stuckBefore and lessons_completed < :lessons";
            case READ_EVERY_LESSON -> "lessons_completed >= :lessons";
            case PASSED -> "final_passed = true";
        };
    }

    /**
     * One row per member of the cohort. Reading figures come from the learner's lesson progress; quiz scores, the final's
     * verdict and completion are read as stored by the features that decide them (quiz_result, course_completion).
     */
    private String rowsSql() {
        return rowsSql("cohort_member");
    }

    /** The rows of the learners in {@code members} (the cohort_member table, or a sub-select of a page of user ids). */
    private String rowsSql(String members) {
        String perLearner = "select u.id as user_id, u.display_name, u.email,"
                + " (select count(*) from lesson_progress lp where lp.user_id = u.id and lp.completed_at is not null"
                + " and lp.lesson_id in (:lessonIds)) as lessons_completed,"
                + " (select lp.lesson_id from lesson_progress lp where lp.user_id = u.id order by lp.last_visited_at desc fetch first 1 rows only) as current_lesson,"
                + " (select max(lp.last_visited_at) from lesson_progress lp where lp.user_id = u.id) as last_visit,"
                + " (select max(q.last_submitted_at) from quiz_result q where q.user_id = u.id) as last_quiz,"
                + " pre.score_percent as pre_test, fin.score_percent as final_score, fin.passed as final_passed,"
                + " cc.completed_at,"
                + " case when ce.id is null then null when ce.revoked_at is null then 'issued' else 'revoked' end as certificate"
                + " from " + members + " mm join user_account u on u.id = mm.user_id"
                + " left join quiz_result pre on pre.user_id = u.id and pre.kind = 'PRE_TEST' and pre.quiz_key = ''"
                + " left join quiz_result fin on fin.user_id = u.id and fin.kind = 'FINAL_ASSESSMENT' and fin.quiz_key = ''"
                + " left join course_completion cc on cc.user_id = u.id"
                + " left join certificate ce on ce.user_id = u.id"
                + (members.startsWith("(") ? "" : " where mm.cohort_id = :cohortId");
        return "select r.*, case when r.last_quiz is null then r.last_visit when r.last_visit is null then r.last_quiz"
                + " when r.last_visit > r.last_quiz then r.last_visit else r.last_quiz end as last_active from (" + perLearner + ") r";
    }

    /**
     * The figures the summary, filters and charts need, per learner of the cohort, without what only the grid shows
     * (names, current lesson, certificate): reading progress grouped once, scores and verdict as stored.
     */
    private String figuresSql() {
        return "select m.user_id, u.display_name, coalesce(lp.done, 0) as lessons_completed, fin.score_percent as final_score, fin.passed as final_passed,"
                + " pre.score_percent as pre_test,"
                + " case when q.last_quiz is null then lp.last_visit when lp.last_visit is null then q.last_quiz"
                + " when lp.last_visit > q.last_quiz then lp.last_visit else q.last_quiz end as last_active"
                + " from cohort_member m join user_account u on u.id = m.user_id"
                + " left join (select p.user_id, count(case when p.lesson_id in (:lessonIds) then p.completed_at end) as done,"
                + " max(p.last_visited_at) as last_visit"
                + " from cohort_member c join lesson_progress p on p.user_id = c.user_id where c.cohort_id = :cohortId"
                + " group by p.user_id) lp on lp.user_id = m.user_id"
                + " left join (select r.user_id, max(r.last_submitted_at) as last_quiz from cohort_member c join quiz_result r"
                + " on r.user_id = c.user_id where c.cohort_id = :cohortId group by r.user_id) q on q.user_id = m.user_id"
                + " left join quiz_result pre on pre.user_id = m.user_id and pre.kind = 'PRE_TEST' and pre.quiz_key = ''"
                + " left join quiz_result fin on fin.user_id = m.user_id and fin.kind = 'FINAL_ASSESSMENT' and fin.quiz_key = ''"
                + " where m.cohort_id = :cohortId";
    }

    private static long number(@Nullable Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static @Nullable Instant instant(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            case java.time.Instant i -> i;
            default -> throw new IllegalStateException("Unexpected time value " + value.getClass());
        };
    }
}

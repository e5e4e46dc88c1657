package org.compassioncourse.review;

import org.compassioncourse.account.AccountNames;
import org.compassioncourse.base.LearnerSet;
import org.compassioncourse.cohort.CohortMembers;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spaced review as an instructor sees one of their cohorts: who has reviews overdue by more than a week, and the
 * retention of each learning objective, as two figures an educator can act on: how often the cohort's reviews of
 * the objective were answered right lately, and the share of its questions FSRS predicts would be recalled a week
 * from now. (Retrievability "now" is no retention figure: right after any review, right or wrong, it is about 1.)
 * All come from aggregate queries (no cards loaded); only the instructor who owns the cohort gets in.
 */
@Service
@PreAuthorize("hasRole('INSTRUCTOR')")
public class CohortRetention {

    /** Reviews overdue by more than this make a learner worth a nudge. */
    public static final Duration OVERDUE_AFTER = Duration.ofDays(7);

    /** The recall rate counts the reviews of this many days back. */
    public static final int RECENT_DAYS = 30;

    /** The prediction looks this many days ahead. */
    public static final int AHEAD_DAYS = 7;

    private final CohortService cohortService;
    private final CohortMembers members;
    private final AccountNames names;
    private final Course course;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final FsrsScheduler scheduler;

    CohortRetention(CohortService cohortService, CohortMembers members, AccountNames names, Course course,
                    NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.cohortService = cohortService;
        this.members = members;
        this.names = names;
        this.course = course;
        this.jdbc = jdbc;
        this.clock = clock;
        this.scheduler = new FsrsScheduler(course.review().desiredRetention());
    }

    /** A learner with cards overdue by more than a week, and since when the oldest has been due. */
    public record OverdueLearner(long userId, String displayName, int overdueCards, Instant oldestDue) {
    }

    /**
     * One learning objective's retention in the cohort.
     *
     * @param recallRate    the share of the cohort's reviews of the objective in the last {@link #RECENT_DAYS} days
     *                      answered right (full credit), each a day or more after the question was last seen: the
     *                      repeat of a missed question later the same day is left out, as is the knowledge check
     *                      itself; null when there was no such review
     * @param reviews       how many reviews {@code recallRate} counts
     * @param recallInAWeek the mean FSRS retrievability of the objective's cards {@link #AHEAD_DAYS} days from now,
     *                      i.e. the share of them the model expects to be recalled then if nobody reviews before
     * @param cards         the cards with a memory state (answered in the knowledge check or reviewed) behind it
     * @param learners      the learners those cards belong to
     */
    public record ObjectiveRetention(String lessonId, int objective, String label, @Nullable Double recallRate, int reviews,
                                     double recallInAWeek, int cards, int learners) {
    }

    @Transactional(readOnly = true)
    public List<OverdueLearner> overdueLearners(long cohortId) {
        cohortService.requireOwnCohort(cohortId);
        LearnerSet cohortMembers = members.of(cohortId);
        String sql = """
                select c.user_id, count(*) as overdue, min(c.due) as oldest
                from review_card c %s
                where %s and c.retired = false and c.due < :before
                group by c.user_id""".formatted(cohortMembers.join("c.user_id"), cohortMembers.where("c.user_id"));
        List<long[]> overdue = new ArrayList<>();
        List<Instant> oldest = new ArrayList<>();
        jdbc.query(sql, cohortMembers.parameters()
                .addValue("before", Timestamp.from(clock.instant().minus(OVERDUE_AFTER))), rs -> {
            overdue.add(new long[]{rs.getLong(1), rs.getInt(2)});
            oldest.add(rs.getTimestamp(3).toInstant());
        });
        Map<Long, AccountNames.Name> named = names.of(overdue.stream().map(o -> o[0]).toList());
        List<OverdueLearner> learners = new ArrayList<>();
        for (int i = 0; i < overdue.size(); i++) {
            long userId = overdue.get(i)[0];
            AccountNames.Name name = named.get(userId);
            if (name != null) { // else erased since the first statement
                learners.add(new OverdueLearner(userId, name.displayName(), (int) overdue.get(i)[1], oldest.get(i)));
            }
        }
        // the longest overdue first, then by name
        learners.sort(java.util.Comparator.comparing(OverdueLearner::oldestDue).thenComparing(OverdueLearner::displayName));
        return learners;
    }

    /**
     * Retention per objective in two SQL aggregates. The prediction is R(t + 7, S) = (1 + FACTOR·(t + 7)/S)^DECAY
     * (FSRS-6, see {@link FsrsScheduler#retrievability(double, double)}), with t the whole days since the card's last
     * review, computed in the database from epoch seconds (the same SQL on H2 and PostgreSQL). The recall rate reads
     * the review log: a review counts unless it is a same-day repeat (no day elapsed, and the review before it sent
     * the card back the same day).
     */
    @Transactional(readOnly = true)
    public List<ObjectiveRetention> retentionByObjective(long cohortId) {
        cohortService.requireOwnCohort(cohortId);
        LearnerSet cohortMembers = members.of(cohortId);
        String predicted = """
                select c.lesson_id, c.objective,
                       avg(power(1 + :factor * (floor((:nowSeconds - extract(epoch from c.last_review)) / 86400) + :ahead) / c.stability, :decay)) as r,
                       count(*) as cards, count(distinct c.user_id) as learners
                from review_card c %s
                where %s and c.retired = false and c.last_review is not null
                group by c.lesson_id, c.objective""".formatted(cohortMembers.join("c.user_id"), cohortMembers.where("c.user_id"));
        String recalled = """
                select c.lesson_id, c.objective,
                       sum(case when l.rating <> 'AGAIN' then 1 else 0 end) as recalled, count(*) as reviews
                from review_log l
                join review_card c on c.id = l.card_id %s
                where %s and c.retired = false and l.reviewed_at >= :since
                  and not (l.elapsed_days = 0 and exists (select 1 from review_log p where p.card_id = l.card_id
                           and p.review_number = l.review_number - 1 and p.scheduled_days = 0))
                group by c.lesson_id, c.objective""".formatted(cohortMembers.join("c.user_id"), cohortMembers.where("c.user_id"));
        MapSqlParameterSource parameters = cohortMembers.parameters()
                .addValue("factor", scheduler.factor())
                .addValue("decay", scheduler.decay())
                .addValue("ahead", AHEAD_DAYS)
                .addValue("nowSeconds", clock.instant().getEpochSecond())
                .addValue("since", Timestamp.from(clock.instant().minus(Duration.ofDays(RECENT_DAYS))));
        Map<String, int[]> recall = new HashMap<>();
        jdbc.query(recalled, parameters, rs -> {
            recall.put(rs.getString(1) + "#" + rs.getInt(2), new int[]{rs.getInt(3), rs.getInt(4)});
        });
        List<ObjectiveRetention> rows = jdbc.query(predicted, parameters, (rs, i) -> {
            int[] counts = recall.getOrDefault(rs.getString(1) + "#" + rs.getInt(2), new int[]{0, 0});
            return new ObjectiveRetention(rs.getString(1), rs.getInt(2), label(rs.getString(1), rs.getInt(2)),
                    counts[1] == 0 ? null : (double) counts[0] / counts[1], counts[1], rs.getDouble(3), rs.getInt(4), rs.getInt(5));
        });
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

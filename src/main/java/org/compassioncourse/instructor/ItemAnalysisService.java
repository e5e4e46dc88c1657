package org.compassioncourse.instructor;

import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.quiz.StoredAnswers;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * Item analysis of the pre-test or final assessment for one of the instructor's cohorts. Responses are streamed
 * from the database ordered by attempt and folded into {@link ItemStatistics} one attempt at a time.
 */
@Service
@PreAuthorize("hasRole('INSTRUCTOR')")
public class ItemAnalysisService {

    private final CohortService cohortService;
    private final Course course;
    private final NamedParameterJdbcTemplate jdbc;

    ItemAnalysisService(CohortService cohortService, Course course, NamedParameterJdbcTemplate jdbc) {
        this.cohortService = cohortService;
        this.course = course;
        this.jdbc = jdbc;
    }

    private static final String COHORT = "a.user_id in (select m.user_id from cohort_member m where m.cohort_id = :cohortId)";

    /**
     * Statistics over every submitted attempt of the quiz by the cohort's learners, taken on the course's current
     * version: a question reworded in a new version is a new item, so older responses are not mixed in.
     */
    @Transactional(readOnly = true)
    public ItemStatistics.Report report(long cohortId, QuizSettings.Kind kind) {
        cohortService.requireOwnCohort(cohortId);
        return analyse(COHORT, new MapSqlParameterSource("cohortId", cohortId).addValue("kind", kind.name()));
    }

    /** How many submitted attempts of the cohort were taken on an earlier version of the course (left out of the report). */
    @Transactional(readOnly = true)
    public long attemptsOnEarlierVersions(long cohortId, QuizSettings.Kind kind) {
        cohortService.requireOwnCohort(cohortId);
        Long count = jdbc.queryForObject("select count(*) from quiz_attempt a where a.kind = :kind and a.submitted_at is not null"
                        + " and a.content_version <> :version and " + COHORT,
                new MapSqlParameterSource("cohortId", cohortId).addValue("kind", kind.name()).addValue("version", course.version()), Long.class);
        return count == null ? 0 : count;
    }

    /** The same analysis over all learners (benchmarks and course-wide reports). */
    ItemStatistics.Report analyse(String learners, MapSqlParameterSource parameters) {
        ItemStatistics statistics = new ItemStatistics();
        List<ItemStatistics.Response> attempt = new ArrayList<>();
        long[] current = {-1};
        jdbc.query("select r.attempt_id, r.question_id, r.score, r.answer from quiz_response r"
                + " join quiz_attempt a on a.id = r.attempt_id"
                + " where a.kind = :kind and a.submitted_at is not null and a.content_version = :version and " + learners
                + " order by r.attempt_id", parameters.addValue("version", course.version()), rs -> {
            long attemptId = rs.getLong("attempt_id");
            if (attemptId != current[0]) {
                statistics.add(attempt);
                attempt.clear();
                current[0] = attemptId;
            }
            String questionId = rs.getString("question_id");
            String slot = course.question(questionId).map(Question::blueprint).orElse(questionId);
            attempt.add(new ItemStatistics.Response(questionId, slot == null ? questionId : slot, rs.getDouble("score"),
                    StoredAnswers.chosenOptions(rs.getString("answer"))));
        });
        statistics.add(attempt);
        return statistics.report();
    }
}

package org.compassioncourse.completion;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the completion of learners whose data was written without a request of theirs (the synthetic cohort
 * generator), by the same {@link CompletionRule} a learner's own pages apply; the completion record is then there
 * for the instructor's "Completed on" as it is for a real learner. Callers check who may.
 */
@Component
public class RecordedCompletions {

    private final JdbcTemplate jdbc;
    private final Course course;
    private final Clock clock;

    RecordedCompletions(JdbcTemplate jdbc, Course course, Clock clock) {
        this.jdbc = jdbc;
        this.course = course;
        this.clock = clock;
    }

    /**
     * Records a completion for every member of the cohort for whom the rule holds and none is recorded yet; the final
     * score is the counted final's (so call it after the counted results are stored). Returns how many it recorded.
     */
    @Transactional
    public int recordMissing(long cohortId) {
        Map<Long, Instant> firstPass = new HashMap<>();
        Map<Long, Double> countedScore = new HashMap<>();
        jdbc.query("select a.user_id, min(a.submitted_at) as first_pass, max(r.score_percent) as counted from quiz_attempt a"
                + " join cohort_member m on m.user_id = a.user_id"
                + " left join quiz_result r on r.user_id = a.user_id and r.kind = 'FINAL_ASSESSMENT' and r.quiz_key = ''"
                + " where m.cohort_id = ? and a.kind = 'FINAL_ASSESSMENT' and a.passed = true and a.submitted_at is not null"
                + " and not exists (select 1 from course_completion c where c.user_id = a.user_id) group by a.user_id", rs -> {
            firstPass.put(rs.getLong("user_id"), rs.getTimestamp("first_pass").toInstant());
            countedScore.put(rs.getLong("user_id"), rs.getDouble("counted"));
        }, cohortId);
        if (firstPass.isEmpty()) {
            return 0;
        }
        List<String> lessonIds = course.lessons().stream().map(Lesson::id).toList();
        Map<Long, Map<String, Instant>> lessonsDone = new HashMap<>();
        jdbc.query("select lp.user_id, lp.lesson_id, lp.completed_at from lesson_progress lp join cohort_member m on m.user_id = lp.user_id"
                + " where m.cohort_id = ? and lp.completed_at is not null", rs -> {
            if (firstPass.containsKey(rs.getLong("user_id"))) {
                lessonsDone.computeIfAbsent(rs.getLong("user_id"), k -> new HashMap<>())
                        .put(rs.getString("lesson_id"), rs.getTimestamp("completed_at").toInstant());
            }
        }, cohortId);
        Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
        List<Object[]> rows = new ArrayList<>();
        firstPass.forEach((userId, passedAt) -> {
            Map<String, Instant> done = lessonsDone.getOrDefault(userId, Map.of());
            List<@Nullable Instant> lessonCompletions = new ArrayList<>();
            lessonIds.forEach(id -> lessonCompletions.add(done.get(id)));
            CompletionRule.completedAt(lessonCompletions, passedAt).ifPresent(at -> rows.add(new Object[]{userId,
                    Timestamp.from(at.truncatedTo(ChronoUnit.MICROS)), countedScore.get(userId), course.version(), now}));
        });
        jdbc.batchUpdate("insert into course_completion (user_id, completed_at, final_score, course_version, recorded_at)"
                + " values (?, ?, ?, ?, ?)", rows);
        return rows.size();
    }
}

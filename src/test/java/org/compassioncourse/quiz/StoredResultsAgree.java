package org.compassioncourse.quiz;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a test: every learner's stored counted result (quiz_result) is the attempt the course's {@code counts} setting
 * picks from their submitted attempts, with that attempt's score and verdict, the number of submitted attempts and the
 * last submission, and no quiz without submitted attempts has a row. The expected attempt is worked out here from the
 * raw attempts, not with {@link CountedResults#counted}: a wrong rule there must not agree with itself.
 */
final class StoredResultsAgree {

    private StoredResultsAgree() {
    }

    static void check(JdbcTemplate jdbc, Course course) {
        for (QuizSettings.Kind kind : QuizSettings.Kind.values()) {
            Map<String, List<Map<String, Object>>> byQuiz = new LinkedHashMap<>();
            jdbc.queryForList("select id, user_id, coalesce(lesson_id, '') as quiz_key, score_percent, passed, submitted_at from quiz_attempt"
                    + " where kind = ? and submitted_at is not null order by started_at, id", kind.name())
                    .forEach(a -> byQuiz.computeIfAbsent(a.get("user_id") + "|" + a.get("quiz_key"), k -> new ArrayList<>()).add(a));
            Map<String, Map<String, Object>> stored = new LinkedHashMap<>();
            jdbc.queryForList("select user_id, quiz_key, attempt_id, score_percent, passed, counting_rule, submitted_attempts,"
                            + " last_submitted_at from quiz_result where kind = ?", kind.name())
                    .forEach(r -> stored.put(r.get("user_id") + "|" + r.get("quiz_key"), r));
            assertThat(stored.keySet()).as("a stored result for each %s with submitted attempts", kind).isEqualTo(byQuiz.keySet());
            byQuiz.forEach((quiz, attempts) -> {
                QuizSettings.CountingRule rule = course.quiz(kind).counts();
                Map<String, Object> counted = expectedCounted(rule, attempts);
                Map<String, Object> row = stored.get(quiz);
                assertThat(row.get("counting_rule")).isEqualTo(rule.name());
                assertThat(((Number) row.get("submitted_attempts")).intValue()).isEqualTo(attempts.size());
                assertThat(instant(row.get("last_submitted_at"))).as("last submission of %s %s", kind, quiz)
                        .isEqualTo(attempts.stream().map(a -> instant(a.get("submitted_at"))).max(Comparator.naturalOrder()).orElseThrow());
                assertThat(((Number) row.get("attempt_id")).longValue()).as("counted attempt of %s %s", kind, quiz)
                        .isEqualTo(((Number) counted.get("id")).longValue());
                assertThat(row.get("score_percent")).isEqualTo(counted.get("score_percent"));
                assertThat(row.get("passed")).isEqualTo(counted.get("passed"));
            });
        }
    }

    private static Instant instant(Object moment) {
        return moment instanceof OffsetDateTime offset ? offset.toInstant() : ((Timestamp) moment).toInstant();
    }

    /**
     * From attempts oldest first: the first, the last, or the highest score (the earliest of equal highest), among the
     * passed attempts once one passed (a learner who passed the final has passed under every rule).
     */
    private static Map<String, Object> expectedCounted(QuizSettings.CountingRule rule, List<Map<String, Object>> all) {
        List<Map<String, Object>> passed = all.stream().filter(a -> Boolean.TRUE.equals(a.get("passed"))).toList();
        List<Map<String, Object>> oldestFirst = passed.isEmpty() ? all : passed;
        if (rule == QuizSettings.CountingRule.FIRST) {
            return oldestFirst.get(0);
        }
        if (rule == QuizSettings.CountingRule.LAST) {
            return oldestFirst.get(oldestFirst.size() - 1);
        }
        Map<String, Object> best = oldestFirst.get(0);
        for (Map<String, Object> attempt : oldestFirst) {
            if (((Number) attempt.get("score_percent")).doubleValue() > ((Number) best.get("score_percent")).doubleValue()) {
                best = attempt;
            }
        }
        return best;
    }
}

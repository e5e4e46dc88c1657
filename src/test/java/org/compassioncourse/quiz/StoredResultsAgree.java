package org.compassioncourse.quiz;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a test: every learner's stored counted result (quiz_result) is the attempt the one rule picks from their
 * submitted attempts, with that attempt's score and verdict, and no quiz without submitted attempts has a row.
 */
final class StoredResultsAgree {

    private StoredResultsAgree() {
    }

    static void check(JdbcTemplate jdbc, Course course) {
        for (QuizSettings.Kind kind : QuizSettings.Kind.values()) {
            Map<String, List<Map<String, Object>>> byQuiz = new LinkedHashMap<>();
            jdbc.queryForList("select id, user_id, coalesce(lesson_id, '') as quiz_key, score_percent, passed from quiz_attempt"
                    + " where kind = ? and submitted_at is not null order by started_at, id", kind.name())
                    .forEach(a -> byQuiz.computeIfAbsent(a.get("user_id") + "|" + a.get("quiz_key"), k -> new ArrayList<>()).add(a));
            Map<String, Map<String, Object>> stored = new LinkedHashMap<>();
            jdbc.queryForList("select user_id, quiz_key, attempt_id, score_percent, passed from quiz_result where kind = ?", kind.name())
                    .forEach(r -> stored.put(r.get("user_id") + "|" + r.get("quiz_key"), r));
            assertThat(stored.keySet()).as("a stored result for each %s with submitted attempts", kind).isEqualTo(byQuiz.keySet());
            byQuiz.forEach((quiz, attempts) -> {
                Map<String, Object> counted = CountedResults.counted(course.quiz(kind).counts(), attempts,
                        a -> ((Number) a.get("score_percent")).doubleValue(), a -> Boolean.TRUE.equals(a.get("passed"))).orElseThrow();
                Map<String, Object> row = stored.get(quiz);
                assertThat(((Number) row.get("attempt_id")).longValue()).as("counted attempt of %s %s", kind, quiz)
                        .isEqualTo(((Number) counted.get("id")).longValue());
                assertThat(row.get("score_percent")).isEqualTo(counted.get("score_percent"));
                assertThat(row.get("passed")).isEqualTo(counted.get("passed"));
            });
        }
    }
}

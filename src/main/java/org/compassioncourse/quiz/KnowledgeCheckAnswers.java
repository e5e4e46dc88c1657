package org.compassioncourse.quiz;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A learner's latest knowledge-check answer to each question, for the review deck, which counts it as the card's
 * first review. The quiz feature owns these tables, so the query lives here. It takes the user id because it serves
 * event listeners (a lesson completed, a knowledge check submitted) acting for that user, never a page.
 */
@Component
public class KnowledgeCheckAnswers {

    private final NamedParameterJdbcTemplate jdbc;

    KnowledgeCheckAnswers(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One answer: whether it was right (full credit) and when it was given. */
    public record Latest(String questionId, boolean right, Instant answeredAt) {
    }

    /** The latest answer per question among these, over all the learner's knowledge-check tries; absent if none. */
    public Map<String, Latest> latest(long userId, Collection<String> questionIds) {
        Map<String, Latest> latest = new HashMap<>();
        if (questionIds.isEmpty()) {
            return latest;
        }
        String sql = """
                select r.question_id, r.score, r.answered_at
                from quiz_response r
                join quiz_attempt a on a.id = r.attempt_id
                where a.user_id = :userId and a.kind = 'KNOWLEDGE_CHECK' and r.question_id in (:questionIds)
                order by r.answered_at, r.id""";
        jdbc.query(sql, new MapSqlParameterSource("userId", userId).addValue("questionIds", questionIds), rs -> {
            String questionId = rs.getString(1);
            latest.put(questionId, new Latest(questionId, rs.getDouble(2) >= 1, rs.getTimestamp(3).toInstant()));
        });
        return latest;
    }
}

package org.compassioncourse.quiz;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Totals of quiz activity, counted by the database across every node: for the operators' metrics. */
@Component
public class QuizActivityCounts {

    private final JdbcTemplate jdbc;

    QuizActivityCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Answers saved, in all attempts of all learners. */
    @Transactional(readOnly = true)
    public long answersStored() {
        return count("select count(*) from quiz_response");
    }

    /** Attempts started and not yet submitted or abandoned. */
    @Transactional(readOnly = true)
    public long attemptsOpen() {
        return count("select count(*) from quiz_attempt where open_key is not null");
    }

    private long count(String sql) {
        Long counted = jdbc.queryForObject(sql, Long.class);
        return counted == null ? 0 : counted;
    }
}

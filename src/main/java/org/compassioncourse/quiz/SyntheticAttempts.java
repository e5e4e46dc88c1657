package org.compassioncourse.quiz;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Submitted attempts of invented learners, written in bulk for the synthetic cohorts only (never from a view): the
 * generator decides who answers what and when; each answer is graded by {@link Grading}, as a real one is. The
 * caller then has {@link CountedResults#backfill()} store the counted results.
 */
@Component
public class SyntheticAttempts {

    /** One answer in an attempt: when it was given and how long it took. */
    public record Answered(String questionId, Answer answer, Instant answeredAt, long timeTakenMs) {
    }

    private final JdbcTemplate jdbc;
    private final Course course;

    SyntheticAttempts(JdbcTemplate jdbc, Course course) {
        this.jdbc = jdbc;
        this.course = course;
    }

    /** Writes a submitted attempt at the answered questions (in drawing order) with its responses; returns its score. */
    @Transactional
    public double submitted(long userId, QuizSettings.Kind kind, @Nullable String lessonId, long seed, Instant startedAt,
                            Instant submittedAt, List<Answered> answers) {
        List<Object[]> responses = new ArrayList<>(answers.size());
        double total = 0;
        for (Answered answered : answers) {
            Question question = course.question(answered.questionId()).orElseThrow();
            double score = Grading.grade(question, answered.answer()).score();
            total += score;
            responses.add(new Object[]{null, answered.questionId(), course.version(), StoredAnswers.stored(answered.answer()), score,
                    Timestamp.from(answered.answeredAt()), answered.timeTakenMs()});
        }
        double percent = Math.round(total * 1000.0 / answers.size()) / 10.0;
        @Nullable Boolean passed = kind == QuizSettings.Kind.FINAL_ASSESSMENT ? percent >= course.passMark() : null;
        String questionIds = String.join(",", answers.stream().map(Answered::questionId).toList());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into quiz_attempt (user_id, kind, lesson_id, content_version,"
                    + " question_ids, seed, started_at, submitted_at, score_percent, passed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[]{"id"});
            // bound as jdbc.update(sql, args) binds them
            new ArgumentPreparedStatementSetter(new Object[]{userId, kind.name(), lessonId, course.version(), questionIds, seed,
                    Timestamp.from(startedAt), Timestamp.from(submittedAt), percent, passed}).setValues(insert);
            return insert;
        }, key);
        long attemptId = Objects.requireNonNull(key.getKey()).longValue();
        responses.forEach(row -> row[0] = attemptId);
        jdbc.batchUpdate("insert into quiz_response (attempt_id, question_id, content_version, answer, score, answered_at, time_taken_ms)"
                + " values (?, ?, ?, ?, ?, ?, ?)", responses);
        return percent;
    }
}

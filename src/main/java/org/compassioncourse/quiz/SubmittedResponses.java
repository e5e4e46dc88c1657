package org.compassioncourse.quiz;

import org.compassioncourse.base.LearnerSet;
import org.compassioncourse.content.QuizSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The answers of many learners' submitted attempts, streamed one response at a time ordered by attempt, for reports
 * that fold them (item analysis): one statement over this module's tables, read in batches so that half a million
 * responses never sit in memory at once. No access check: the calling service checks that its user may see these
 * learners; views never use this.
 */
@Service
public class SubmittedResponses {

    /** Rows fetched per round trip: without a fetch size PostgreSQL's driver holds the whole result set in memory. */
    static final int FETCH_SIZE = 2000;

    /** One answered question of a submitted attempt. */
    public record Response(long attemptId, String questionId, double score, Answer answer) {
    }

    /** Receives the responses in attempt order. */
    @FunctionalInterface
    public interface Reader {
        void read(Response response);
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;

    SubmittedResponses(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        JdbcTemplate batches = new JdbcTemplate(Objects.requireNonNull(jdbc.getJdbcTemplate().getDataSource()));
        batches.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(batches);
    }

    /**
     * Every response of the submitted attempts at {@code kind} by {@code userIds} taken on {@code contentVersion} of
     * the course, ordered by attempt (call inside a read-only transaction: PostgreSQL streams only there).
     */
    @Transactional(readOnly = true)
    public void read(QuizSettings.Kind kind, int contentVersion, LearnerSet learners, Reader reader) {
        if (learners.isEmpty()) {
            return;
        }
        streaming.query("select r.attempt_id, r.question_id, r.score, r.answer from quiz_response r"
                + " join quiz_attempt a on a.id = r.attempt_id"
                + learners.join("a.user_id") + "where " + learners.where("a.user_id") + " and a.kind = :kind and a.submitted_at is not null"
                + " and a.content_version = :version order by r.attempt_id",
                parameters(kind, contentVersion, learners), rs -> {
                    reader.read(new Response(rs.getLong("attempt_id"), rs.getString("question_id"), rs.getDouble("score"),
                            StoredAnswers.answer(rs.getString("answer"))));
                });
    }

    /** How many submitted attempts at {@code kind} by {@code userIds} were taken on another version of the course. */
    @Transactional(readOnly = true)
    public long attemptsOnOtherVersions(QuizSettings.Kind kind, int contentVersion, LearnerSet learners) {
        if (learners.isEmpty()) {
            return 0;
        }
        Long count = jdbc.queryForObject("select count(*) from quiz_attempt a" + learners.join("a.user_id") + "where " + learners.where("a.user_id")
                + " and a.kind = :kind and a.submitted_at is not null and a.content_version <> :version",
                parameters(kind, contentVersion, learners), Long.class);
        return count == null ? 0 : count;
    }

    /** A submitted attempt as a learning record. */
    public record SubmittedAttempt(long userId, long attemptId, QuizSettings.Kind kind, @Nullable String lessonId,
                                   Instant startedAt, Instant submittedAt, double scorePercent, @Nullable Boolean passed) {
    }

    /** One answered question of a submitted attempt as a learning record. */
    public record AnsweredQuestion(long userId, long attemptId, QuizSettings.Kind kind, @Nullable String lessonId,
                                   String questionId, Answer answer, double score, Instant answeredAt, long timeTakenMs) {
    }

    /** The submitted attempts of {@code userIds}, by learner and then in the order they were submitted. */
    @Transactional(readOnly = true)
    public List<SubmittedAttempt> attempts(LearnerSet learners) {
        if (learners.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select a.user_id, a.id, a.kind, a.lesson_id, a.started_at, a.submitted_at, a.score_percent, a.passed"
                        + " from quiz_attempt a" + learners.join("a.user_id") + "where " + learners.where("a.user_id")
                        + " and a.submitted_at is not null order by a.user_id, a.submitted_at, a.id",
                learners.parameters(),
                (rs, n) -> new SubmittedAttempt(rs.getLong("user_id"), rs.getLong("id"), QuizSettings.Kind.valueOf(rs.getString("kind")),
                        rs.getString("lesson_id"), instant(rs, "started_at"), instant(rs, "submitted_at"), rs.getDouble("score_percent"),
                        (Boolean) rs.getObject("passed")));
    }

    /** Every answered question of the submitted attempts of {@code userIds}, by learner, attempt and answering time. */
    @Transactional(readOnly = true)
    public List<AnsweredQuestion> answers(LearnerSet learners) {
        if (learners.isEmpty()) {
            return List.of();
        }
        return streaming.query("select a.user_id, a.id as attempt_id, a.kind, a.lesson_id, r.question_id, r.answer, r.score,"
                        + " r.answered_at, r.time_taken_ms from quiz_attempt a join quiz_response r on r.attempt_id = a.id"
                        + learners.join("a.user_id") + "where " + learners.where("a.user_id") + " and a.submitted_at is not null order by a.user_id, a.id, r.answered_at",
                learners.parameters(),
                (rs, n) -> new AnsweredQuestion(rs.getLong("user_id"), rs.getLong("attempt_id"),
                        QuizSettings.Kind.valueOf(rs.getString("kind")), rs.getString("lesson_id"), rs.getString("question_id"),
                        StoredAnswers.answer(rs.getString("answer")), rs.getDouble("score"), instant(rs, "answered_at"),
                        rs.getLong("time_taken_ms")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Objects.requireNonNull(rs.getObject(column, OffsetDateTime.class), column).toInstant();
    }

    private static MapSqlParameterSource parameters(QuizSettings.Kind kind, int contentVersion, LearnerSet learners) {
        return learners.parameters().addValue("kind", kind.name())
                .addValue("version", contentVersion);
    }
}

package org.compassioncourse.quiz;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The one rule for which of a learner's submitted attempts at a quiz counts (course.yaml {@code counts}: highest,
 * first or last, attempts taken oldest first), and its stored outcome: one row of {@code quiz_result} per learner
 * and quiz, written in the same transaction as each submission. Instructor reports read that row; the learner's
 * own pages apply {@link #counted} to their attempts. Nothing else decides which attempt counts.
 */
@Component
public class CountedResults {

    private static final Logger log = LoggerFactory.getLogger(CountedResults.class);

    /** One submitted attempt, as the rule sees it. */
    record Scored(long attemptId, double scorePercent, @Nullable Boolean passed, Instant submittedAt) {
        boolean hasPassed() {
            return Boolean.TRUE.equals(passed);
        }
    }

    private final JdbcTemplate jdbc;
    private final Course course;
    private final TransactionTemplate transaction;

    CountedResults(JdbcTemplate jdbc, Course course, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.course = course;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * The attempt that counts under the rule, from submitted attempts oldest first (by start); on a tie for the
     * highest score the earlier attempt counts. Once an attempt has passed (the final assessment), the rule chooses
     * among the attempts that passed: a learner who passed has passed whatever the rule, and {@code first} means the
     * first attempt that passed, {@code last} the last one. So "passed the final", its counted score, the
     * certificate and every report agree.
     */
    static <T> Optional<T> counted(QuizSettings.CountingRule rule, List<T> oldestFirst, ToDoubleFunction<T> score,
                                   Predicate<T> passed) {
        List<T> candidates = oldestFirst.stream().anyMatch(passed) ? oldestFirst.stream().filter(passed).toList() : oldestFirst;
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (rule) {
            case FIRST -> candidates.getFirst();
            case LAST -> candidates.getLast();
            case HIGHEST -> candidates.stream().max(Comparator.comparingDouble(score)).orElseThrow();
        });
    }

    /** Whether the learner has passed the quiz: the attempt that counts passed (only the final assessment is passed). */
    static <T> boolean passed(QuizSettings.CountingRule rule, List<T> oldestFirst, ToDoubleFunction<T> score, Predicate<T> passed) {
        return counted(rule, oldestFirst, score, passed).map(passed::test).orElse(false);
    }

    /** Whether these submitted final attempts (oldest first) make a pass, under the final's counting rule. */
    static boolean passedFinal(Course course, List<QuizAttempt> submittedOldestFirst) {
        return passed(course.quiz(QuizSettings.Kind.FINAL_ASSESSMENT).counts(), submittedOldestFirst, CountedResults::percentOf,
                CountedResults::hasPassed);
    }

    /** The attempt that counts among a quiz's submitted attempts (oldest first), under that quiz's counting rule. */
    static Optional<QuizAttempt> countedAttempt(Course course, QuizSettings.Kind kind, List<QuizAttempt> submittedOldestFirst) {
        return counted(course.quiz(kind).counts(), submittedOldestFirst, CountedResults::percentOf, CountedResults::hasPassed);
    }

    private static boolean hasPassed(QuizAttempt attempt) {
        return Boolean.TRUE.equals(attempt.passed());
    }

    private static double percentOf(QuizAttempt attempt) {
        return attempt.scorePercent() == null ? 0 : attempt.scorePercent();
    }

    /**
     * Stores the counted result of one learner's quiz from all their submitted attempts at it, oldest first; called
     * inside the submission's transaction so the stored value never lags the attempt.
     */
    void record(long userId, QuizSettings.Kind kind, @Nullable String lessonId, QuizSettings.CountingRule rule, List<Scored> oldestFirst) {
        String key = lessonId == null ? "" : lessonId;
        jdbc.update("delete from quiz_result where user_id = ? and kind = ? and quiz_key = ?", userId, kind.name(), key);
        counted(rule, oldestFirst, Scored::scorePercent, Scored::hasPassed).ifPresent(c -> insert(userId, kind, key, rule, c, oldestFirst));
    }

    private void insert(long userId, QuizSettings.Kind kind, String key, QuizSettings.CountingRule rule, Scored counted, List<Scored> all) {
        Instant last = all.stream().map(Scored::submittedAt).max(Comparator.naturalOrder()).orElseThrow();
        jdbc.update("insert into quiz_result (user_id, kind, quiz_key, attempt_id, score_percent, passed, counting_rule,"
                        + " submitted_attempts, last_submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                userId, kind.name(), key, counted.attemptId(), counted.scorePercent(), counted.passed(), rule.name(), all.size(),
                Timestamp.from(last));
    }

    /** At start-up: fills in the counted results of attempts stored before V14, and of quizzes whose rule changed. */
    @EventListener(ApplicationReadyEvent.class)
    public void backfillAtStartUp() {
        try {
            // through the template: a call from inside this class would pass by backfill's @Transactional
            int learnersAndQuizzes = java.util.Objects.requireNonNull(transaction.execute(status -> backfill()));
            if (learnersAndQuizzes > 0) {
                log.info("Stored the counted result of {} learners' quizzes", learnersAndQuizzes);
            }
        } catch (DataIntegrityViolationException anotherNodeWasFaster) {
            // two nodes starting together on the same database: one stores the rows, the other's insert collides and
            // rolls back; the rows are there either way, so this node starts as usual
            log.info("Counted results were stored by another node while this one started ({})", anotherNodeWasFaster.getMostSpecificCause().getMessage());
        }
    }

    /**
     * Decides, with {@link #counted}, the result of every learner's quiz that has submitted attempts but no stored
     * result under the course's current counting rule (e.g. data from before V14, a changed rule, attempts written
     * directly by the synthetic cohort generator); returns how many were stored.
     */
    @Transactional
    public int backfill() {
        int stored = 0;
        for (QuizSettings.Kind kind : QuizSettings.Kind.values()) {
            QuizSettings.CountingRule rule = course.quiz(kind).counts();
            jdbc.update("delete from quiz_result where kind = ? and counting_rule <> ?", kind.name(), rule.name());
            List<Object[]> rows = new ArrayList<>();
            Group group = new Group();
            jdbc.query("select a.id, a.user_id, coalesce(a.lesson_id, '') as quiz_key, a.score_percent, a.passed, a.submitted_at"
                    + " from quiz_attempt a where a.kind = ? and a.submitted_at is not null and not exists (select 1 from quiz_result r"
                    + " where r.user_id = a.user_id and r.kind = a.kind and r.quiz_key = coalesce(a.lesson_id, ''))"
                    + " order by a.user_id, quiz_key, a.started_at, a.id", rs -> {
                long userId = rs.getLong("user_id");
                String key = rs.getString("quiz_key");
                if (userId != group.userId || !key.equals(group.key)) {
                    group.flush(rule, kind, rows);
                    group.userId = userId;
                    group.key = key;
                }
                group.attempts.add(new Scored(rs.getLong("id"), rs.getDouble("score_percent"), (Boolean) rs.getObject("passed"),
                        rs.getTimestamp("submitted_at").toInstant()));
            }, kind.name());
            group.flush(rule, kind, rows);
            jdbc.batchUpdate("insert into quiz_result (user_id, kind, quiz_key, attempt_id, score_percent, passed, counting_rule,"
                    + " submitted_attempts, last_submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            stored += rows.size();
        }
        return stored;
    }

    /** The attempts of one learner's quiz while the backfill reads them in order. */
    private static final class Group {
        long userId = -1;
        String key = "";
        final List<Scored> attempts = new ArrayList<>();

        void flush(QuizSettings.CountingRule rule, QuizSettings.Kind kind, List<Object[]> rows) {
            counted(rule, attempts, Scored::scorePercent, Scored::hasPassed).ifPresent(c -> rows.add(new Object[]{userId, kind.name(), key,
                    c.attemptId(), c.scorePercent(), c.passed(), rule.name(), attempts.size(),
                    Timestamp.from(attempts.stream().map(Scored::submittedAt).max(Comparator.naturalOrder()).orElseThrow())}));
            attempts.clear();
        }
    }
}

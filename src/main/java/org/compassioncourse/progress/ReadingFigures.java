package org.compassioncourse.progress;

import org.compassioncourse.base.LearnerSet;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.base.SqlTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reading progress of many learners at once, for reports on a cohort: one statement over this module's own table per
 * question. "Lessons completed" counts only the lessons of the course as it is now (as the learner's own pages do): a
 * lesson removed from the course leaves rows behind that must not count. No access check: the calling service checks
 * that its user may see these learners; views never use this.
 */
@Service
public class ReadingFigures {

    /**
     * @param lessonsCompleted lessons of the current course the learner has completed
     * @param lastVisit when the learner last opened any lesson, if ever
     * @param currentLessonId the lesson the learner opened most recently, if any
     */
    public record Reading(int lessonsCompleted, @Nullable Instant lastVisit, @Nullable String currentLessonId) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Course course;

    ReadingFigures(NamedParameterJdbcTemplate jdbc, Course course) {
        this.jdbc = jdbc;
        this.course = course;
    }

    /** The reading figures of those of {@code userIds} who have opened any lesson (the others have none). */
    @Transactional(readOnly = true)
    public Map<Long, Reading> of(LearnerSet learners) {
        Map<Long, Reading> figures = new HashMap<>();
        if (learners.isEmpty()) {
            return figures;
        }
        jdbc.query("select user_id, sum(case when completed_at is not null and lesson_id in (:lessonIds) then 1 else 0 end) as done,"
                + " max(last_visited_at) as last_visit, max(case when latest = 1 then lesson_id end) as current_lesson"
                + " from (select p.user_id, p.lesson_id, p.completed_at, p.last_visited_at,"
                + " row_number() over (partition by p.user_id order by p.last_visited_at desc, p.lesson_id) as latest"
                + " from lesson_progress p" + learners.join("p.user_id") + "where " + learners.where("p.user_id") + ") x group by user_id", parameters(learners), rs -> {
                    figures.put(rs.getLong("user_id"), new Reading(rs.getInt("done"), SqlTimes.instant(rs.getObject("last_visit")),
                            rs.getString("current_lesson")));
                });
        return figures;
    }

    /** How many of {@code userIds} completed each lesson of the current course (lessons nobody completed are absent). */
    @Transactional(readOnly = true)
    public Map<String, Long> completedPerLesson(LearnerSet learners) {
        Map<String, Long> completed = new HashMap<>();
        if (learners.isEmpty()) {
            return completed;
        }
        jdbc.query("select p.lesson_id, count(*) as learners from lesson_progress p" + learners.join("p.user_id") + "where "
                + learners.where("p.user_id") + " and p.completed_at is not null and p.lesson_id in (:lessonIds) group by p.lesson_id", parameters(learners),
                rs -> {
                    completed.put(rs.getString("lesson_id"), rs.getLong("learners"));
                });
        return completed;
    }

    /** When each of {@code userIds} completed each lesson of the current course they completed. */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, Instant>> lessonCompletions(LearnerSet learners) {
        Map<Long, Map<String, Instant>> done = new HashMap<>();
        if (learners.isEmpty()) {
            return done;
        }
        jdbc.query("select p.user_id, p.lesson_id, p.completed_at from lesson_progress p" + learners.join("p.user_id") + "where "
                + learners.where("p.user_id")
                + " and p.completed_at is not null and p.lesson_id in (:lessonIds)", parameters(learners), rs -> {
                    done.computeIfAbsent(rs.getLong("user_id"), k -> new HashMap<>())
                            .put(rs.getString("lesson_id"), Objects.requireNonNull(SqlTimes.instant(rs.getObject("completed_at"))));
                });
        return done;
    }

    /** A learner's visit to a lesson: first opened, and completed if it was. */
    public record LessonVisit(long userId, String lessonId, Instant firstVisitedAt, @Nullable Instant completedAt) {
    }

    /**
     * Every lesson {@code userIds} opened, removed lessons included (a record of what the learner did), by learner and
     * then in the order they first opened them.
     */
    @Transactional(readOnly = true)
    public List<LessonVisit> visits(LearnerSet learners) {
        if (learners.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select p.user_id, p.lesson_id, p.first_visited_at, p.completed_at from lesson_progress p"
                + learners.join("p.user_id") + "where " + learners.where("p.user_id") + " order by p.user_id, p.first_visited_at, p.lesson_id",
                parameters(learners),
                (rs, n) -> new LessonVisit(rs.getLong("user_id"), rs.getString("lesson_id"),
                        Objects.requireNonNull(SqlTimes.instant(rs.getObject("first_visited_at"))), SqlTimes.instant(rs.getObject("completed_at"))));
    }

    private MapSqlParameterSource parameters(LearnerSet learners) {
        return learners.parameters()
                .addValue("lessonIds", course.lessons().stream().map(Lesson::id).toList());
    }

}

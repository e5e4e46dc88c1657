package org.compassioncourse.progress;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading progress of invented learners, written in bulk for the synthetic cohorts only (never from a view): the
 * generator decides what they read and when, this writes it as the reading pages would have.
 */
@Component
public class SyntheticProgress {

    /** A lesson a learner opened: the section reached last, first and last visit, completion (null: still reading). */
    public record LessonRead(long userId, String lessonId, String lastSectionId, Instant firstVisitedAt, Instant lastVisitedAt,
                             @Nullable Instant completedAt) {
    }

    /** A section a learner reached, and when. */
    public record SectionRead(long userId, String lessonId, String sectionId, Instant reachedAt) {
    }

    private final JdbcTemplate jdbc;

    SyntheticProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the lessons and sections in one batch each. */
    @Transactional
    public void write(List<LessonRead> lessons, List<SectionRead> sections) {
        List<Object[]> progress = new ArrayList<>(lessons.size());
        for (LessonRead lesson : lessons) {
            progress.add(new Object[]{lesson.userId(), lesson.lessonId(), lesson.lastSectionId(), Timestamp.from(lesson.firstVisitedAt()),
                    Timestamp.from(lesson.lastVisitedAt()), lesson.completedAt() == null ? null : Timestamp.from(lesson.completedAt())});
        }
        List<Object[]> reached = new ArrayList<>(sections.size());
        for (SectionRead section : sections) {
            reached.add(new Object[]{section.userId(), section.lessonId(), section.sectionId(), Timestamp.from(section.reachedAt())});
        }
        jdbc.batchUpdate("insert into lesson_progress (user_id, lesson_id, last_section_id, first_visited_at, last_visited_at, completed_at)"
                + " values (?, ?, ?, ?, ?, ?)", progress);
        jdbc.batchUpdate("insert into section_reached (user_id, lesson_id, section_id, reached_at) values (?, ?, ?, ?)", reached);
    }
}

package org.compassioncourse.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One learner's progress through one lesson: where they were last and whether they finished it. */
@Entity
@Table(name = "lesson_progress")
class LessonProgress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "lesson_id", nullable = false)
    private String lessonId;

    @Column(name = "last_section_id", nullable = false)
    private String lastSectionId;

    @Column(name = "first_visited_at", nullable = false)
    private Instant firstVisitedAt;

    @Column(name = "last_visited_at", nullable = false)
    private Instant lastVisitedAt;

    @Column(name = "completed_at")
    private @Nullable Instant completedAt;

    protected LessonProgress() {
    }

    LessonProgress(long userId, String lessonId, String sectionId, Instant now) {
        this.userId = userId;
        this.lessonId = lessonId;
        this.lastSectionId = sectionId;
        this.firstVisitedAt = now;
        this.lastVisitedAt = now;
    }

    void visit(String sectionId, Instant now) {
        lastSectionId = sectionId;
        if (now.isAfter(lastVisitedAt)) {
            lastVisitedAt = now;
        }
    }

    /** Idempotent: the first completion time is kept. */
    void complete(Instant now) {
        if (completedAt == null) {
            completedAt = now;
        }
        if (now.isAfter(lastVisitedAt)) {
            lastVisitedAt = now;
        }
    }

    String lessonId() {
        return lessonId;
    }

    String lastSectionId() {
        return lastSectionId;
    }

    Instant firstVisitedAt() {
        return firstVisitedAt;
    }

    Instant lastVisitedAt() {
        return lastVisitedAt;
    }

    @Nullable Instant completedAt() {
        return completedAt;
    }
}

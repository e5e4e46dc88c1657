package org.compassioncourse.quiz;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.compassioncourse.content.QuizSettings;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One sitting of a quiz by one learner: the questions drawn, and once submitted, the score. */
@Entity
@Table(name = "quiz_attempt")
class QuizAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QuizSettings.Kind kind;

    @Column(name = "lesson_id")
    private @Nullable String lessonId;

    @Column(name = "content_version", nullable = false)
    private int contentVersion;

    @Column(name = "question_ids", nullable = false)
    private String questionIds;

    @Column(nullable = false)
    private long seed;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "submitted_at")
    private @Nullable Instant submittedAt;

    @Column(name = "score_percent")
    private @Nullable Double scorePercent;

    private @Nullable Boolean passed;

    @Column(name = "open_key")
    private @Nullable String openKey;

    /** Closed by the learner without a score because a question was removed from the course meanwhile. */
    @Column(nullable = false)
    private boolean abandoned;

    @Version
    private long version;

    protected QuizAttempt() {
    }

    QuizAttempt(long userId, QuizSettings.Kind kind, @Nullable String lessonId, int contentVersion,
                List<String> questionIds, long seed, Instant startedAt) {
        this.userId = userId;
        this.kind = kind;
        this.lessonId = lessonId;
        this.contentVersion = contentVersion;
        this.questionIds = String.join(",", questionIds);
        this.seed = seed;
        this.startedAt = startedAt;
        this.openKey = openKey(userId, kind, lessonId);
    }

    /** The key that allows one open attempt per learner and quiz (a second tab resumes it). */
    static String openKey(long userId, QuizSettings.Kind kind, @Nullable String lessonId) {
        return userId + ":" + kind + ":" + (lessonId == null ? "" : lessonId);
    }

    void submit(double percent, @Nullable Boolean passed, Instant now) {
        this.scorePercent = percent;
        this.passed = passed;
        this.submittedAt = now;
        this.openKey = null;
    }

    /** Closed without a submission: never scored, so every report that reads submitted attempts leaves it out. */
    void abandon() {
        this.abandoned = true;
        this.openKey = null;
    }

    boolean abandoned() {
        return abandoned;
    }

    Long id() {
        return id;
    }

    long userId() {
        return userId;
    }

    QuizSettings.Kind kind() {
        return kind;
    }

    @Nullable String lessonId() {
        return lessonId;
    }

    int contentVersion() {
        return contentVersion;
    }

    List<String> questionIds() {
        return questionIds.isEmpty() ? List.of() : Arrays.asList(questionIds.split(","));
    }

    long seed() {
        return seed;
    }

    Instant startedAt() {
        return startedAt;
    }

    @Nullable Instant submittedAt() {
        return submittedAt;
    }

    boolean isOpen() {
        return submittedAt == null && !abandoned;
    }

    /** Submitted with a score: neither open nor abandoned. */
    boolean scored() {
        return submittedAt != null;
    }

    @Nullable Double scorePercent() {
        return scorePercent;
    }

    @Nullable Boolean passed() {
        return passed;
    }
}

package org.compassioncourse.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One knowledge-check question in one learner's review deck, with its FSRS memory state. */
@Entity
@Table(name = "review_card")
class ReviewCard {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "question_id", nullable = false)
    private String questionId;

    @Column(name = "lesson_id", nullable = false)
    private String lessonId;

    @Column(nullable = false)
    private int objective;

    @Column(name = "content_version", nullable = false)
    private int contentVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FsrsScheduler.State state;

    @Column(nullable = false)
    private int step;

    @Column(nullable = false)
    private double stability;

    @Column(nullable = false)
    private double difficulty;

    @Column(nullable = false)
    private Instant due;

    @Column(name = "last_review")
    private @Nullable Instant lastReview;

    @Column(nullable = false)
    private int reps;

    @Column(nullable = false)
    private int lapses;

    @Column(nullable = false)
    private boolean retired;

    @Version
    private long version;

    protected ReviewCard() {
    }

    ReviewCard(long userId, String questionId, String lessonId, int objective, int contentVersion, Instant due) {
        this.userId = userId;
        this.questionId = questionId;
        this.lessonId = lessonId;
        this.objective = objective;
        this.contentVersion = contentVersion;
        FsrsScheduler.Card fresh = FsrsScheduler.Card.fresh(due);
        apply(fresh);
    }

    FsrsScheduler.Card memory() {
        return new FsrsScheduler.Card(state, step, stability, difficulty, due, lastReview, reps, lapses);
    }

    void apply(FsrsScheduler.Card card) {
        state = card.state();
        step = card.step();
        stability = card.stability();
        difficulty = card.difficulty();
        // the database keeps microseconds and would round up: floor, so a card due "now" is due now
        due = card.due().truncatedTo(ChronoUnit.MICROS);
        lastReview = card.lastReview() == null ? null : card.lastReview().truncatedTo(ChronoUnit.MICROS);
        reps = card.reps();
        lapses = card.lapses();
    }

    void retire() {
        retired = true;
    }

    Long id() {
        return id;
    }

    long userId() {
        return userId;
    }

    String questionId() {
        return questionId;
    }

    String lessonId() {
        return lessonId;
    }

    Instant due() {
        return due;
    }

    int reps() {
        return reps;
    }

    boolean retired() {
        return retired;
    }
}

package org.compassioncourse.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One rated review of a card; (card, review number) is unique so a submission rates once. */
@Entity
@Table(name = "review_log")
class ReviewLog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "card_id", nullable = false)
    private long cardId;

    @Column(name = "review_number", nullable = false)
    private int reviewNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FsrsScheduler.Rating rating;

    @Column(name = "reviewed_at", nullable = false)
    private Instant reviewedAt;

    @Column(name = "elapsed_days", nullable = false)
    private int elapsedDays;

    @Column(name = "scheduled_days", nullable = false)
    private int scheduledDays;

    protected ReviewLog() {
    }

    ReviewLog(long cardId, int reviewNumber, FsrsScheduler.Rating rating, Instant reviewedAt, int elapsedDays, int scheduledDays) {
        this.cardId = cardId;
        this.reviewNumber = reviewNumber;
        this.rating = rating;
        this.reviewedAt = reviewedAt;
        this.elapsedDays = elapsedDays;
        this.scheduledDays = scheduledDays;
    }

    long cardId() {
        return cardId;
    }

    FsrsScheduler.Rating rating() {
        return rating;
    }

    Instant reviewedAt() {
        return reviewedAt;
    }
}

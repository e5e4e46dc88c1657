package org.compassioncourse.quiz;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A learner's answer to one question in one attempt, tied to the question id and the content version. */
@Entity
@Table(name = "quiz_response")
class QuizResponse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "attempt_id", nullable = false)
    private long attemptId;

    @Column(name = "question_id", nullable = false)
    private String questionId;

    @Column(name = "content_version", nullable = false)
    private int contentVersion;

    @Column(nullable = false)
    private String answer;

    @Column(nullable = false)
    private double score;

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    @Column(name = "time_taken_ms", nullable = false)
    private long timeTakenMs;

    protected QuizResponse() {
    }

    QuizResponse(long attemptId, String questionId, int contentVersion, String answer, double score, Instant answeredAt, long timeTakenMs) {
        this.attemptId = attemptId;
        this.questionId = questionId;
        this.contentVersion = contentVersion;
        this.answer = answer;
        this.score = score;
        this.answeredAt = answeredAt;
        this.timeTakenMs = timeTakenMs;
    }

    /** A changed answer before submission replaces the earlier one (still one response per question). */
    void replace(String answer, double score, Instant answeredAt, long timeTakenMs) {
        this.answer = answer;
        this.score = score;
        this.answeredAt = answeredAt;
        this.timeTakenMs = timeTakenMs;
    }

    long attemptId() {
        return attemptId;
    }

    String questionId() {
        return questionId;
    }

    String answer() {
        return answer;
    }

    double score() {
        return score;
    }

    long timeTakenMs() {
        return timeTakenMs;
    }
}

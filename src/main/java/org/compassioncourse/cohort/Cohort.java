package org.compassioncourse.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A group of learners that one instructor follows, joined with a code. */
@Entity
@Table(name = "cohort")
class Cohort {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "instructor_id", nullable = false)
    private long instructorId;

    @Column(nullable = false)
    private String name;

    @Column(name = "join_code", nullable = false)
    private String joinCode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Cohort() {
    }

    Cohort(long instructorId, String name, String joinCode, Instant createdAt) {
        this.instructorId = instructorId;
        this.name = name;
        this.joinCode = joinCode;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    long instructorId() {
        return instructorId;
    }

    String name() {
        return name;
    }

    String joinCode() {
        return joinCode;
    }

    Instant createdAt() {
        return createdAt;
    }

    void rename(String newName) {
        this.name = newName;
    }
}

package org.compassioncourse.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A learner's membership of a cohort. */
@Entity
@Table(name = "cohort_member")
class CohortMember {

    @EmbeddedId
    private Key key;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    protected CohortMember() {
    }

    CohortMember(long cohortId, long userId, Instant joinedAt) {
        this.key = new Key(cohortId, userId);
        this.joinedAt = joinedAt;
    }

    @Embeddable
    record Key(@Column(name = "cohort_id") long cohortId, @Column(name = "user_id") long userId) implements Serializable {
    }
}

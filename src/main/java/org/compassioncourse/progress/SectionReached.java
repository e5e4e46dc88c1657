package org.compassioncourse.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A section a learner has reached at least once. */
@Entity
@Table(name = "section_reached")
class SectionReached {

    @EmbeddedId
    private Key key;

    @Column(name = "reached_at", nullable = false)
    private Instant reachedAt;

    protected SectionReached() {
    }

    SectionReached(long userId, String lessonId, String sectionId, Instant reachedAt) {
        this.key = new Key(userId, lessonId, sectionId);
        this.reachedAt = reachedAt;
    }

    Key key() {
        return key;
    }

    @Embeddable
    record Key(@Column(name = "user_id") long userId,
               @Column(name = "lesson_id") String lessonId,
               @Column(name = "section_id") String sectionId) implements Serializable {
    }
}

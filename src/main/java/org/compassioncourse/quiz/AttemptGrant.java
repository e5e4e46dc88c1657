package org.compassioncourse.quiz;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.compassioncourse.content.QuizSettings;

import java.time.Instant;

/** One extra final-assessment attempt an instructor granted a learner, with who granted it and when. */
@Entity
@Table(name = "attempt_grant")
class AttemptGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private QuizSettings.Kind kind;

    @Column(name = "granted_by", nullable = false)
    private long grantedBy;

    @Column(name = "granted_by_name", nullable = false)
    private String grantedByName;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    protected AttemptGrant() {
    }

    AttemptGrant(long userId, QuizSettings.Kind kind, long grantedBy, String grantedByName, Instant grantedAt) {
        this.userId = userId;
        this.kind = kind;
        this.grantedBy = grantedBy;
        this.grantedByName = grantedByName;
        this.grantedAt = grantedAt;
    }

    String grantedByName() {
        return grantedByName;
    }

    Instant grantedAt() {
        return grantedAt;
    }
}

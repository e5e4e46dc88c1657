package org.compassioncourse.administration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One administrative action in the audit log. Written once and never changed: no setters, and Hibernate ignores any
 * change to an {@code @Immutable} entity. People are named by account id; names are looked up when the log is read.
 */
@Entity
@Immutable
@Table(name = "admin_audit")
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor_id")
    private @Nullable Long actorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private AuditAction action;

    @Column(name = "subject_id")
    private @Nullable Long subjectId;

    @Column(nullable = false, length = 500)
    private String detail;

    protected AuditEntry() {
    }

    AuditEntry(Instant occurredAt, @Nullable Long actorId, AuditAction action, @Nullable Long subjectId, String detail) {
        this.occurredAt = occurredAt;
        this.actorId = actorId;
        this.action = action;
        this.subjectId = subjectId;
        this.detail = detail.length() > 500 ? detail.substring(0, 500) : detail;
    }
}

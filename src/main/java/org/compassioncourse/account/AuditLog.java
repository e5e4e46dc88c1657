package org.compassioncourse.account;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Writes and reads the audit log of administrative actions; callers check who may. */
@Component
class AuditLog {

    private final AuditLogRepository entries;
    private final EntityManager entityManager;
    private final Clock clock;

    AuditLog(AuditLogRepository entries, EntityManager entityManager, Clock clock) {
        this.entries = entries;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    void record(@Nullable Long actorId, AuditAction action, @Nullable Long subjectId, String detail) {
        entries.save(new AuditEntry(clock.instant().truncatedTo(ChronoUnit.MICROS), actorId, action, subjectId, detail));
    }

    long count() {
        return entries.count();
    }

    /** Newest first, one page, with the people's current names in the same query. */
    List<AuditRow> page(int offset, int limit) {
        return entityManager.createQuery("""
                        select new org.compassioncourse.account.AuditRow(e.id, e.occurredAt, e.actorId, actor.displayName,
                            e.action, e.subjectId, subject.displayName, subject.email, e.detail)
                        from AuditEntry e
                        left join UserAccount actor on actor.id = e.actorId
                        left join UserAccount subject on subject.id = e.subjectId
                        order by e.occurredAt desc, e.id desc""", AuditRow.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }
}

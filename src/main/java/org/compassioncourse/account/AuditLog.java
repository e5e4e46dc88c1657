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

    /**
     * The one change an entry ever gets: when a learner's data is erased, the free text an instructor wrote about them
     * (a certificate's revoke or reinstate reason, which may name them) is replaced; the act, its moment, its actor and
     * its subject stay. Native SQL, because the entity is immutable to the rest of the app on purpose.
     */
    void redactFreeTextAbout(long subjectId) {
        entityManager.createNativeQuery("update admin_audit set detail = ?1 where subject_id = ?2 and action in (?3, ?4)")
                .setParameter(1, "reason removed when the learner's data was erased")
                .setParameter(2, subjectId)
                .setParameter(3, AuditAction.CERTIFICATE_REVOKED.name())
                .setParameter(4, AuditAction.CERTIFICATE_REINSTATED.name())
                .executeUpdate();
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

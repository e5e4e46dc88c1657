package org.compassioncourse.administration;

import org.compassioncourse.account.BootstrapAdministratorStep;
import org.compassioncourse.account.ManagedAccounts;
import org.compassioncourse.account.ProviderRoleChanged;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes and reads the audit log of administrative actions; callers check who may. */
@Component
class AuditLog {

    private final AuditLogRepository entries;
    private final EntityManager entityManager;
    private final Clock clock;
    private final ManagedAccounts accounts;

    AuditLog(AuditLogRepository entries, EntityManager entityManager, Clock clock, ManagedAccounts accounts) {
        this.accounts = accounts;
        this.entries = entries;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    void record(@Nullable Long actorId, AuditAction action, @Nullable Long subjectId, String detail) {
        entries.save(new AuditEntry(clock.instant().truncatedTo(ChronoUnit.MICROS), actorId, action, subjectId, detail));
    }

    /** The first administrator's bootstrap, written by the application itself, in the bootstrap step's transaction. */
    @EventListener
    void onBootstrapStep(BootstrapAdministratorStep step) {
        record(null, AuditAction.BOOTSTRAP_ADMINISTRATOR, step.accountId(), step.detail());
    }

    /** A role the identity provider's claim changed at sign-in, in the sign-in's transaction. */
    @EventListener
    void onProviderRoleChange(ProviderRoleChanged change) {
        record(null, AuditAction.ROLE_FROM_PROVIDER, change.accountId(), change.detail());
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

    /** Newest first, one page, with the people's current names (one query for the page, one for the names). */
    List<AuditRow> page(int offset, int limit) {
        List<Line> lines = entityManager.createQuery("""
                        select new org.compassioncourse.administration.AuditLog$Line(e.id, e.occurredAt, e.actorId, e.action,
                            e.subjectId, e.detail)
                        from AuditEntry e
                        order by e.occurredAt desc, e.id desc""", Line.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
        Set<Long> people = new HashSet<>();
        for (Line line : lines) {
            if (line.actorId() != null) {
                people.add(line.actorId());
            }
            if (line.subjectId() != null) {
                people.add(line.subjectId());
            }
        }
        Map<Long, ManagedAccounts.Name> names = people.isEmpty() ? Map.of() : accounts.namesOf(people);
        return lines.stream().map(line -> {
            ManagedAccounts.Name actor = line.actorId() == null ? null : names.get(line.actorId());
            ManagedAccounts.Name subject = line.subjectId() == null ? null : names.get(line.subjectId());
            return new AuditRow(line.id(), line.occurredAt(), line.actorId(), actor == null ? null : actor.displayName(),
                    line.action(), line.subjectId(), subject == null ? null : subject.displayName(),
                    subject == null ? null : subject.email(), line.detail());
        }).toList();
    }

    /** An entry as stored, before the names are looked up. */
    record Line(long id, java.time.Instant occurredAt, @Nullable Long actorId, AuditAction action, @Nullable Long subjectId,
                String detail) {
    }
}

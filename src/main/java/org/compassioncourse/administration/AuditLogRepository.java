package org.compassioncourse.administration;

import org.springframework.data.repository.Repository;

/** Append-only: the app can add entries and read them (see {@link AuditLog}), never change or delete one. */
interface AuditLogRepository extends Repository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    long count();
}

package org.compassioncourse.lrs;

import org.compassioncourse.administration.AuditAction;
import org.compassioncourse.administration.InstructorAuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The learning record store's outbox for administrators: what waits, what was sent, what the store refused, "retry now". */
@Service
@PreAuthorize("hasRole('ADMINISTRATOR')")
public class LrsAdministration {

    private final XapiOutbox outbox;
    private final LrsProperties settings;
    private final LrsSender sender;
    private final InstructorAuditLog auditLog;
    private final Clock clock;

    LrsAdministration(XapiOutbox outbox, LrsProperties settings, LrsSender sender, InstructorAuditLog auditLog, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.sender = sender;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The store's address (no credentials), or null when none is configured and nothing is sent. */
    public @Nullable String endpoint() {
        return settings.enabled() ? settings.base() : null;
    }

    @Transactional(readOnly = true)
    public Map<OutboxStatus, Long> counts() {
        return outbox.counts();
    }

    @Transactional(readOnly = true)
    public long count(OutboxStatus status) {
        return outbox.count(status);
    }

    /** One page of the statements in {@code status}, newest first. */
    @Transactional(readOnly = true)
    public List<OutboxRow> statements(OutboxStatus status, int offset, int limit) {
        return outbox.page(status, offset, limit);
    }

    /**
     * Makes every refused and retrying statement due now (e.g. after the store's credentials were fixed) and sends them
     * after the commit; written to the audit log. Returns how many.
     */
    @Transactional
    public int retryNow() {
        int due = outbox.retryNow(clock.instant());
        auditLog.record(AuditAction.LRS_RETRY_NOW, due + (due == 1 ? " statement" : " statements") + " to " + endpoint());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.nudge();
            }
        });
        return due;
    }
}

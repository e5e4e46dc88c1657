package org.compassioncourse.administration;

import org.compassioncourse.security.SignedInUser;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets other features write their administrative acts (revoking or reinstating a certificate, sending the learning
 * record store's outbox again) into the same audit log administrators read. The actor is the signed-in user; callers check that they may act.
 */
@Component
public class InstructorAuditLog {

    private final AuditLog auditLog;
    private final SignedInUser signedInUser;

    InstructorAuditLog(AuditLog auditLog, SignedInUser signedInUser) {
        this.auditLog = auditLog;
        this.signedInUser = signedInUser;
    }

    /** Joins the caller's transaction, so the entry is written exactly when the act is. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, long subjectId, String detail) {
        auditLog.record(signedInUser.require().accountId(), action, subjectId, detail);
    }

    /** An act about no one person (e.g. sending the learning record store's outbox again); joins the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditAction action, String detail) {
        auditLog.record(signedInUser.require().accountId(), action, null, detail);
    }
}

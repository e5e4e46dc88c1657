package org.compassioncourse.administration;

import org.compassioncourse.security.Role;

/**
 * What an administrator (or, for the bootstrap, the application) did to an account, as the audit log names it; also
 * an instructor revoking or reinstating a learner's certificate; an administrator sending the learning record store's
 * outbox again.
 */
public enum AuditAction {
    BOOTSTRAP_ADMINISTRATOR("First administrator set up"),
    ROLE_CHANGE("Role changed"),
    /** The identity provider's role claim changed the role at sign-in (written by the application, no actor). */
    ROLE_FROM_PROVIDER("Role changed by the identity provider"),
    INVITE_INSTRUCTOR("Instructor invited"),
    DEACTIVATE("Account deactivated"),
    REACTIVATE("Account reactivated"),
    ISSUE_RESET_LINK("Password reset link issued"),
    ERASE("Personal data erased"),
    CERTIFICATE_REVOKED("Certificate revoked"),
    CERTIFICATE_REINSTATED("Certificate reinstated"),
    DUE_RULE_SET("Cohort due date set"),
    DUE_DATE_EXTENDED("Due date extended"),
    LRS_RETRY_NOW("Learning record store: retry now");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.compassioncourse.account;

import org.compassioncourse.security.Role;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One account in the administration list. */
public record AccountRow(long id, String displayName, String email, Role role, boolean administrator, boolean active,
                         boolean setupPending, @Nullable Instant erasedAt, Instant createdAt) {

    public boolean erased() {
        return erasedAt != null;
    }

    /** "Instructor, administrator", "Learner". */
    public String roleLabel() {
        String base = role == Role.INSTRUCTOR ? "Instructor" : "Learner";
        return administrator ? base + ", administrator" : base;
    }

    public String statusLabel() {
        if (erased()) {
            return "Erased";
        }
        if (!active) {
            return "Deactivated";
        }
        return setupPending ? "Active, setup link not used yet" : "Active";
    }
}

package org.compassioncourse.account;

import org.jspecify.annotations.Nullable;

/**
 * Which accounts the administration list shows: text found in the name or email (case-insensitive), a role, and a
 * status; null or blank means "any".
 */
public record AccountFilter(@Nullable String text, @Nullable RoleFilter role, @Nullable Status status) {

    public static final AccountFilter ALL = new AccountFilter(null, null, null);

    /** The roles as the list filters them: administrators are any accounts with the flag, whatever their role. */
    public enum RoleFilter {
        LEARNER("Learners"),
        INSTRUCTOR("Instructors"),
        ADMINISTRATOR("Administrators");

        private final String label;

        RoleFilter(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        ACTIVE("Active"),
        DEACTIVATED("Deactivated");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}

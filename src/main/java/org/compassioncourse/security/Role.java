package org.compassioncourse.security;

/**
 * What a user may do: learners take the course, instructors also review learners. Administering accounts is not a
 * role of its own but a flag on the account beside its role (see {@link #ADMINISTRATOR_NAME}), so an instructor can
 * also be an administrator, and an administrator who is a learner sees the course as a learner does.
 */
public enum Role {
    LEARNER,
    INSTRUCTOR;

    /** The Spring Security authority of this role, as checked by {@code @RolesAllowed}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static final String LEARNER_NAME = "LEARNER";
    public static final String INSTRUCTOR_NAME = "INSTRUCTOR";
    /** Accounts with the administrator flag also hold this authority ({@code ROLE_ADMINISTRATOR}), for {@code @RolesAllowed}. */
    public static final String ADMINISTRATOR_NAME = "ADMINISTRATOR";
    public static final String ADMINISTRATOR_AUTHORITY = "ROLE_" + ADMINISTRATOR_NAME;
}

package org.compassioncourse.account;

/** What a user may do: learners take the course, instructors also review learners. */
public enum Role {
    LEARNER,
    INSTRUCTOR;

    /** The Spring Security authority of this role, as checked by {@code @RolesAllowed}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static final String LEARNER_NAME = "LEARNER";
    public static final String INSTRUCTOR_NAME = "INSTRUCTOR";
}

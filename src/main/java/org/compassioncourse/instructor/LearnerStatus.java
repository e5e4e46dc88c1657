package org.compassioncourse.instructor;

/** How an instructor filters learners in a cohort. */
public enum LearnerStatus {
    ALL("All learners"),
    NOT_STARTED("Not started"),
    IN_PROGRESS("In progress"),
    STUCK("Stuck (no activity for a while)"),
    READ_EVERY_LESSON("Read every lesson"),
    PASSED("Passed the final assessment");

    private final String label;

    LearnerStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

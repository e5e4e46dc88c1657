package org.compassioncourse.progress;

/** Where a learner stands with a lesson. */
public enum LessonStatus {
    NOT_STARTED("Not started"),
    IN_PROGRESS("In progress"),
    COMPLETED("Completed");

    private final String label;

    LessonStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

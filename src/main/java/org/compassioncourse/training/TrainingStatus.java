package org.compassioncourse.training;

/** Where a learner stands with the course as mandatory training; decided by {@link TrainingRule} alone. */
public enum TrainingStatus {
    NOT_STARTED("Not started"),
    IN_PROGRESS("In progress"),
    DUE_SOON("Due soon"),
    OVERDUE("Overdue"),
    COMPLETED("Completed"),
    EXPIRING_SOON("Expiring soon"),
    EXPIRED("Expired");

    private final String label;

    TrainingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Completed and not expired: what a compliance rate counts. */
    public boolean compliant() {
        return this == COMPLETED || this == EXPIRING_SOON;
    }
}

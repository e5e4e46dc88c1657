package org.compassioncourse.cohort;

/**
 * Proof that the signed-in instructor may see this learner: only {@link CohortService#requireLearnerInOwnCohort}
 * creates it (package-private constructor), so services that take one need no further check.
 */
public final class LearnerInMyCohort {

    private final long cohortId;
    private final long userId;
    private final String displayName;

    LearnerInMyCohort(long cohortId, long userId, String displayName) {
        this.cohortId = cohortId;
        this.userId = userId;
        this.displayName = displayName;
    }

    public long cohortId() {
        return cohortId;
    }

    public long userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }
}

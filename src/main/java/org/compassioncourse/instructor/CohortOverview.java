package org.compassioncourse.instructor;

/** Summary figures for the top of a cohort's overview. */
public record CohortOverview(long cohortId, String name, String joinCode, long learners, long started,
                             long completedLessons, long passed, @org.jspecify.annotations.Nullable Double averageFinal) {
}

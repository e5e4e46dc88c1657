package org.compassioncourse.cohort;

import java.time.Instant;

/** A cohort as lists show it: name, join code and how many learners have joined. */
public record CohortSummary(long id, String name, String joinCode, Instant createdAt, long members) {
}

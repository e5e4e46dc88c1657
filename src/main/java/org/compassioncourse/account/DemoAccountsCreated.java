package org.compassioncourse.account;

/** Published once the demo accounts exist on a fresh database, so other features can add demo data for them. */
public record DemoAccountsCreated(long learnerId, long instructorId) {
}

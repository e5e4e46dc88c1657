package org.compassioncourse.account;

/**
 * A step of the first administrator's bootstrap (its link issued, or used and the account made administrator), for the
 * audit log. Published within the step's transaction; the audit log writes it in that same transaction.
 */
public record BootstrapAdministratorStep(long accountId, String detail) {
}

package org.compassioncourse.account;

/**
 * The identity provider's role claim gave an account another role (or took or gave the administrator flag) at
 * sign-in, for the audit log. Published within the sign-in's transaction.
 */
public record ProviderRoleChanged(long accountId, String detail) {
}

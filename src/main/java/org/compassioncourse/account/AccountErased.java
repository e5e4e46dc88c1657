package org.compassioncourse.account;

/**
 * Published inside the erasure's transaction: features that keep personal data of their own (a certificate's name,
 * free-text answers) anonymise it in the same transaction, so an erasure is all or nothing.
 */
public record AccountErased(long accountId, String placeholderName) {
}

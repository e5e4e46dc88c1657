package org.compassioncourse.administration;

/**
 * Published inside the erasure's transaction and stored with it (Modulith's event publication registry): features that
 * keep personal data of their own (a certificate's name, free-text answers) anonymise it after the commit, in their own
 * transaction; one that fails is run again at the next start-up, so no erasure stops half-way for good.
 */
public record AccountErased(long accountId, String placeholderName) {
}

package org.compassioncourse.security;

/**
 * The account a person signing in with the identity provider reaches: implemented by the account feature, which links
 * provider identities to accounts, creates accounts just in time and applies the provider's roles.
 */
public interface ProviderAccounts {

    /**
     * The signed-in user for this identity.
     *
     * @throws ProviderSignInRefused with a message for the person when they may not sign in (e.g. an account has their
     *                               email but the provider did not verify it)
     */
    CurrentUser signIn(ProviderIdentity identity);
}

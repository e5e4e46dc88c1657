package org.compassioncourse.security;

import org.jspecify.annotations.Nullable;

/**
 * A person as the identity provider vouched for them in a verified ID token: who they are there (issuer and subject,
 * never their email), and what the token says about them.
 *
 * @param email         as the token gives it (may be missing)
 * @param emailVerified whether the provider says the email was verified ({@code email_verified}); without that, the
 *                      email is never used to reach an existing account
 * @param name          the name to show, from the token's claims (never blank)
 * @param roles         what the role claim grants, or null when the provider does not decide roles
 */
public record ProviderIdentity(String issuer, String subject, @Nullable String email, boolean emailVerified, String name,
                               @Nullable ProviderRoles roles) {

    /**
     * The role and administrator flag the provider's role claim grants.
     *
     * @param claimValues the claim's values, as the audit log shows them
     */
    public record ProviderRoles(Role role, boolean administrator, String claimValues) {
    }
}

package org.compassioncourse.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * Which ways of signing in this installation offers: passwords, the identity provider, or (sso-only) the provider
 * alone, with the bootstrap administrator's password as the one way in that does not depend on it.
 */
@Component
public class SignInOptions {

    private final OidcSignInProperties oidc;
    private final String bootstrapAdministrator;

    SignInOptions(OidcSignInProperties oidc, @Value("${course.bootstrap-admin:}") String bootstrapAdministrator) {
        this.oidc = oidc;
        this.bootstrapAdministrator = bootstrapAdministrator.strip().toLowerCase(Locale.ROOT);
    }

    /** Passwords only, no identity provider: for services built by hand (unit tests). */
    public static SignInOptions passwordsOnly() {
        return new SignInOptions(new OidcSignInProperties("", "", "", "your hospital account", java.util.List.of("openid"),
                "groups", java.util.List.of(), java.util.List.of(), false, "{baseUrl}/login"), "");
    }

    /** "your hospital account", when signing in with the identity provider is offered. */
    public Optional<String> providerName() {
        return oidc.enabled() ? Optional.of(oidc.displayName()) : Optional.empty();
    }

    /** Signing in only through the identity provider: no passwords (but the bootstrap administrator's), registration or reset. */
    public boolean ssoOnly() {
        return oidc.ssoOnly();
    }

    /** Whether the account with this (lower-case) email may sign in with a password. */
    public boolean passwordAllowedFor(String email) {
        return !oidc.ssoOnly() || (!bootstrapAdministrator.isEmpty() && bootstrapAdministrator.equals(email));
    }
}

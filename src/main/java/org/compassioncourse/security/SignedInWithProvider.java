package org.compassioncourse.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Map;

/**
 * A user signed in through the identity provider: the same {@link CurrentUser} as after a password login (so every
 * service, view and the session check treat them alike), also carrying the provider's ID token, which the logout sends
 * back to the provider to end its session too.
 */
public final class SignedInWithProvider extends CurrentUser implements OidcUser {

    private final OidcIdToken idToken;
    private final @Nullable OidcUserInfo userInfo;

    public SignedInWithProvider(CurrentUser user, OidcIdToken idToken, @Nullable OidcUserInfo userInfo) {
        // no password: this login never had one
        super(user.accountId(), user.getUsername(), user.displayName(), "", user.role(), user.isAdministrator(),
                user.getAuthorities(), user.signedInAt());
        this.idToken = idToken;
        this.userInfo = userInfo;
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken.getClaims();
    }

    @Override
    public @Nullable OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return idToken.getClaims();
    }

    /** The account id: Spring names principals by it, and it never changes (the email may). */
    @Override
    public String getName() {
        return Long.toString(accountId());
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}

package org.compassioncourse.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sign-in with the hospital's identity provider (OpenID Connect): off until {@code issuer-uri} is set. Every setting is
 * explained for the provider's administrator in docs/sign-in.md.
 *
 * @param issuerUri              the provider's issuer, e.g. {@code https://login.microsoftonline.com/<tenant>/v2.0};
 *                               its discovery document ({@code /.well-known/openid-configuration}) names the rest
 * @param clientId               the client (application) id the provider gave this app
 * @param clientSecret           that client's secret
 * @param displayName            what the login page's button names: "Sign in with {displayName}"
 * @param scopes                 scopes asked for; {@code openid} is always added
 * @param roleClaim              the claim whose values decide roles, e.g. {@code groups} or {@code roles}
 * @param instructorValues       values of the role claim that make an instructor (compared ignoring case); with this
 *                               and {@code administratorValues} both empty, the provider decides no roles: new accounts
 *                               are learners and administrators set roles in the app as before
 * @param administratorValues    values of the role claim that make an administrator
 * @param ssoOnly                sign-in only through the provider: no passwords, registration or password reset here,
 *                               except the password of the {@code course.bootstrap-admin} account
 * @param postLogoutRedirectUri  where the provider sends the browser after ending its own session on logout;
 *                               {@code {baseUrl}} is this app's address as the browser reached it
 */
@ConfigurationProperties("course.sign-in.oidc")
public record OidcSignInProperties(
        @DefaultValue("") String issuerUri,
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("your hospital account") String displayName,
        @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
        @DefaultValue("groups") String roleClaim,
        @DefaultValue List<String> instructorValues,
        @DefaultValue List<String> administratorValues,
        @DefaultValue("false") boolean ssoOnly,
        @DefaultValue("{baseUrl}/login") String postLogoutRedirectUri) {

    /** The registration id, the last part of the redirect URI {@code {base}/login/oauth2/code/hospital}. */
    public static final String REGISTRATION_ID = "hospital";

    public OidcSignInProperties {
        issuerUri = issuerUri.strip();
        List<String> asked = new ArrayList<>(scopes.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList());
        if (!asked.contains("openid")) {
            asked.addFirst("openid");
        }
        scopes = List.copyOf(asked);
        instructorValues = lowerCase(instructorValues);
        administratorValues = lowerCase(administratorValues);
        if (!issuerUri.isEmpty() && clientId.isBlank()) {
            throw new IllegalArgumentException("course.sign-in.oidc.issuer-uri is set but course.sign-in.oidc.client-id is not: "
                    + "set the client id the identity provider gave this app (docs/sign-in.md)");
        }
        if (ssoOnly && issuerUri.isEmpty()) {
            throw new IllegalArgumentException("course.sign-in.oidc.sso-only is true but course.sign-in.oidc.issuer-uri is not set: "
                    + "nobody could sign in. Set the identity provider's issuer, or turn sso-only off (docs/sign-in.md)");
        }
    }

    /** Whether sign-in with the provider is configured at all. */
    public boolean enabled() {
        return !issuerUri.isEmpty();
    }

    /** Whether the provider's role claim decides roles (some claim value is mapped to a role). */
    public boolean rolesFromProvider() {
        return !roleClaim.isBlank() && !(instructorValues.isEmpty() && administratorValues.isEmpty());
    }

    private static List<String> lowerCase(List<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty()).toList();
    }
}

package org.compassioncourse.security;

import org.jspecify.annotations.Nullable;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads the role claim ({@code course.sign-in.oidc.role-claim}) of an ID token: a list of values (Entra ID, Okta and
 * Keycloak send {@code groups} as a JSON array) or one string of values separated by commas or spaces.
 */
final class ProviderRoleClaim {

    private ProviderRoleClaim() {
    }

    /** What the claim grants: instructor if any value is an instructor value, administrator likewise; else a learner. */
    static ProviderIdentity.@Nullable ProviderRoles grant(OidcSignInProperties settings, @Nullable Object claim) {
        if (!settings.rolesFromProvider()) {
            return null;
        }
        List<String> values = values(claim);
        List<String> lower = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        boolean instructor = lower.stream().anyMatch(settings.instructorValues()::contains);
        boolean administrator = lower.stream().anyMatch(settings.administratorValues()::contains);
        String shown = settings.roleClaim() + ": " + (values.isEmpty() ? "(none)" : String.join(", ", values));
        return new ProviderIdentity.ProviderRoles(instructor ? Role.INSTRUCTOR : Role.LEARNER, administrator,
                shown.length() > 300 ? shown.substring(0, 297) + "..." : shown);
    }

    static List<String> values(@Nullable Object claim) {
        Stream<String> values = switch (claim) {
            case null -> Stream.empty();
            case Collection<?> many -> many.stream().map(String::valueOf);
            case Object[] many -> Stream.of(many).map(String::valueOf);
            default -> Stream.of(String.valueOf(claim).split("[,\\s]+"));
        };
        return values.map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }
}

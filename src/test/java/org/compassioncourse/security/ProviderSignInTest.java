package org.compassioncourse.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of signing in with the identity provider that need no provider: settings, the role claim, refusal texts. */
class ProviderSignInTest {

    private static OidcSignInProperties settings(List<String> instructors, List<String> administrators) {
        return new OidcSignInProperties("https://login.example/tenant", "client", "secret", "Northfield account",
                List.of("profile", "email"), "groups", instructors, administrators, false, "{baseUrl}/login");
    }

    @Test
    void theRoleClaimGrantsInstructorAndAdministratorByAnyMatchingValueIgnoringCase() {
        OidcSignInProperties settings = settings(List.of("Course-Instructors"), List.of("course-admins"));
        assertThat(ProviderRoleClaim.grant(settings, List.of("ward-4", "COURSE-INSTRUCTORS")))
                .isEqualTo(new ProviderIdentity.ProviderRoles(Role.INSTRUCTOR, false, "groups: ward-4, COURSE-INSTRUCTORS"));
        assertThat(ProviderRoleClaim.grant(settings, "course-admins ward-4"))
                .isEqualTo(new ProviderIdentity.ProviderRoles(Role.LEARNER, true, "groups: course-admins, ward-4"));
        assertThat(ProviderRoleClaim.grant(settings, null))
                .isEqualTo(new ProviderIdentity.ProviderRoles(Role.LEARNER, false, "groups: (none)"));
    }

    @Test
    void withoutMappedValuesTheProviderDecidesNoRoles() {
        assertThat(ProviderRoleClaim.grant(settings(List.of(), List.of()), List.of("course-instructors"))).isNull();
    }

    @Test
    void openidIsAlwaysAskedForAndSsoOnlyNeedsAProvider() {
        assertThat(settings(List.of(), List.of()).scopes()).containsExactly("openid", "profile", "email");
        assertThatThrownBy(() -> new OidcSignInProperties("", "", "", "x", List.of(), "groups", List.of(), List.of(), true, ""))
                .hasMessageContaining("sso-only is true but course.sign-in.oidc.issuer-uri is not set");
        assertThatThrownBy(() -> new OidcSignInProperties("https://login.example", "", "", "x", List.of(), "groups",
                List.of(), List.of(), false, "")).hasMessageContaining("client-id is not");
    }

    @Test
    void refusalsAreToldInWordsForThePerson() {
        assertThat(ProviderSignIn.reasonFor(new OAuth2AuthenticationException(new OAuth2Error("authorization_request_not_found")), "X"))
                .contains("already used or has expired");
        assertThat(ProviderSignIn.reasonFor(new OAuth2AuthenticationException(new OAuth2Error("invalid_id_token", "bad iss", null)), "X"))
                .startsWith("We could not verify who you are").contains("invalid_id_token, bad iss");
        assertThat(ProviderSignIn.reasonFor(new OAuth2AuthenticationException(new OAuth2Error("access_denied")), "X"))
                .contains("cancelled or refused at X");
        assertThat(ProviderSignIn.reasonFor(new BadCredentialsException("?"), "X")).contains("did not work");
    }

    @Test
    void anUnreachableProviderIsToldOnTheRefusalPageNotAsAnErrorPage() throws Exception {
        OidcSignInProperties unreachable = new OidcSignInProperties("http://127.0.0.1:9/nobody", "client", "secret",
                "Northfield account", List.of(), "groups", List.of(), List.of(), false, "{baseUrl}/login");
        var filter = new ProviderSignIn.ProviderReachable(new ProviderSignIn.DiscoveredRegistration(unreachable), "Northfield account");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorization/hospital");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getRedirectedUrl()).isEqualTo("/" + ProviderSignIn.REFUSAL_PAGE);
        assertThat((String) request.getSession().getAttribute(ProviderSignIn.REFUSAL))
                .startsWith("Signing in with Northfield account is not available right now");
        assertThat(chain.getRequest()).as("not sent on to the provider").isNull();
    }
}

package org.compassioncourse.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;


/**
 * Sign-in with the hospital's identity provider (OpenID Connect authorization code flow), present only when
 * {@code course.sign-in.oidc.issuer-uri} is set: the client registration {@value OidcSignInProperties#REGISTRATION_ID},
 * the mapping of a verified ID token to an account ({@link ProviderAccounts}), the page that explains a refused sign-in,
 * and a logout that also ends the provider's session where it offers that (RP-initiated logout).
 */
@Configuration
@ConditionalOnExpression("!'${course.sign-in.oidc.issuer-uri:}'.isBlank()")
public class ProviderSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSignIn.class);

    /** Session attribute: why the last sign-in with the provider was refused, for the refusal page. */
    public static final String REFUSAL = ProviderSignIn.class.getName() + ".refusal";
    /** The page that tells a person why signing in with the provider did not work. */
    public static final String REFUSAL_PAGE = "sign-in-refused";

    private final OidcSignInProperties settings;
    private final ProviderAccounts accounts;

    ProviderSignIn(OidcSignInProperties settings, ProviderAccounts accounts) {
        this.settings = settings;
        this.accounts = accounts;
    }

    @Bean
    ClientRegistrationRepository clientRegistrationRepository() {
        return new DiscoveredRegistration(settings);
    }

    /**
     * Adds the provider's sign-in to the filter chain beside the password form of the same login page, and returns the
     * logout success handler that also ends the provider's session (where its discovery document names an
     * end_session_endpoint; otherwise it goes to the login page).
     */
    OidcClientInitiatedLogoutSuccessHandler apply(HttpSecurity http, String loginPage, AuthenticationSuccessHandler landing)
            throws Exception {
        http.oauth2Login(oauth -> oauth
                .loginPage(loginPage)
                .clientRegistrationRepository(clientRegistrationRepository())
                // the tokens are needed only to sign in: kept in the session, not in a map on this node
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(accountService()))
                .successHandler(landing)
                .failureHandler(refusalPage()))
                .addFilterBefore(new ProviderReachable(clientRegistrationRepository(), settings.displayName()),
                        OAuth2AuthorizationRequestRedirectFilter.class);
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(clientRegistrationRepository());
        logout.setPostLogoutRedirectUri(settings.postLogoutRedirectUri());
        logout.setDefaultTargetUrl(loginPage);
        return logout;
    }

    /** The provider's user, verified by Spring Security (signature, issuer, audience, expiry, nonce), as our account. */
    private OAuth2UserService<OidcUserRequest, OidcUser> accountService() {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser verified = provider.loadUser(request);
            ProviderIdentity identity = new ProviderIdentity(
                    verified.getIdToken().getIssuer().toString(), verified.getSubject(), verified.getEmail(),
                    Boolean.TRUE.equals(verified.getEmailVerified()), nameOf(verified),
                    ProviderRoleClaim.grant(settings, verified.getClaims().get(settings.roleClaim())));
            try {
                CurrentUser user;
                try {
                    user = accounts.signIn(identity);
                } catch (DataIntegrityViolationException sameFirstSignInElsewhere) {
                    // the same person's first sign-in in two tabs or on two nodes at once: the other one linked or
                    // made the account a moment ago, so this one finds it
                    user = accounts.signIn(identity);
                }
                return new SignedInWithProvider(user, verified.getIdToken(), verified.getUserInfo());
            } catch (ProviderSignInRefused refused) {
                throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED, refused.getMessage(), null), refused);
            }
        };
    }

    private static final String REFUSED = "sign_in_refused";

    static String nameOf(OidcUser user) {
        String name = user.getFullName();
        if (isBlank(name)) {
            String given = user.getGivenName();
            String family = user.getFamilyName();
            name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        }
        if (isBlank(name)) {
            name = user.getPreferredUsername();
        }
        if (isBlank(name) && user.getEmail() != null) {
            name = user.getEmail().substring(0, Math.max(0, user.getEmail().indexOf('@')));
        }
        return isBlank(name) ? "Learner" : name.strip();
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    /** A refused or failed sign-in: a page that says why (never a stack trace), the details in the log. */
    private AuthenticationFailureHandler refusalPage() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) -> {
            String reason = reasonFor(failure, settings.displayName());
            LOG.info("Sign-in with the identity provider refused: {}", failure.getMessage());
            request.getSession().setAttribute(REFUSAL, reason);
            response.sendRedirect(request.getContextPath() + "/" + REFUSAL_PAGE);
        };
    }

    /** What the refusal page tells the person. */
    static String reasonFor(AuthenticationException failure, String provider) {
        if (!(failure instanceof OAuth2AuthenticationException oauth)) {
            return "Signing in with " + provider + " did not work. Try again from the login page.";
        }
        OAuth2Error error = oauth.getError();
        String detail = " (For your IT service desk: " + error.getErrorCode()
                + (error.getDescription() == null ? "" : ", " + error.getDescription()) + ".)";
        return switch (error.getErrorCode()) {
            case REFUSED -> String.valueOf(error.getDescription());
            case "authorization_request_not_found" -> "This sign-in was already used or has expired: each answer from "
                    + provider + " works once. Start again from the login page.";
            case "invalid_id_token", "invalid_nonce", "invalid_token_response", "invalid_user_info_response" ->
                    "We could not verify who you are: the answer from " + provider + " is not valid for this site (it may"
                            + " have expired, or come from another provider). Start again from the login page; if this"
                            + " keeps happening, tell your IT service desk." + detail;
            case "access_denied" -> "Signing in was cancelled or refused at " + provider + ". Start again from the login"
                    + " page when you are ready.";
            default -> "Signing in with " + provider + " did not work. Start again from the login page; if this keeps"
                    + " happening, tell your IT service desk." + detail;
        };
    }

    /**
     * Before sending a person to the provider: when its discovery document cannot be read (the provider is down or
     * unreachable from the server), the refusal page says so instead of an error page.
     */
    static final class ProviderReachable extends OncePerRequestFilter {

        private final ClientRegistrationRepository registrations;
        private final String provider;

        ProviderReachable(ClientRegistrationRepository registrations, String provider) {
            this.registrations = registrations;
            this.provider = provider;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().equals(request.getContextPath() + "/oauth2/authorization/"
                    + OidcSignInProperties.REGISTRATION_ID);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                registrations.findByRegistrationId(OidcSignInProperties.REGISTRATION_ID);
            } catch (RuntimeException unreachable) {
                LOG.warn("Sign-in with the identity provider is not available: {}", unreachable.getMessage());
                request.getSession().setAttribute(REFUSAL, "Signing in with " + provider + " is not available right now:"
                        + " this site could not reach it. Try again in a few minutes; if this keeps happening, tell your"
                        + " IT service desk.");
                response.sendRedirect(request.getContextPath() + "/" + REFUSAL_PAGE);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * The provider's registration, read from its discovery document on first use rather than at start-up, so the app
     * starts while the provider is unreachable (and tries again on the next sign-in until it answers).
     */
    static final class DiscoveredRegistration implements ClientRegistrationRepository {

        private final OidcSignInProperties settings;
        private volatile @Nullable ClientRegistration registration;

        DiscoveredRegistration(OidcSignInProperties settings) {
            this.settings = settings;
        }

        @Override
        public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
            if (!OidcSignInProperties.REGISTRATION_ID.equals(registrationId)) {
                return null;
            }
            ClientRegistration found = registration;
            if (found == null) {
                synchronized (this) {
                    found = registration;
                    if (found == null) {
                        found = discover();
                        registration = found;
                    }
                }
            }
            return found;
        }

        private ClientRegistration discover() {
            try {
                return ClientRegistrations.fromOidcIssuerLocation(settings.issuerUri())
                        .registrationId(OidcSignInProperties.REGISTRATION_ID)
                        .clientId(settings.clientId())
                        .clientSecret(settings.clientSecret())
                        .scope(settings.scopes())
                        .clientName(settings.displayName())
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .build();
            } catch (RuntimeException unreachable) {
                throw new IllegalStateException("Could not read the identity provider's discovery document from "
                        + settings.issuerUri() + "/.well-known/openid-configuration (course.sign-in.oidc.issuer-uri): "
                        + unreachable.getMessage(), unreachable);
            }
        }
    }
}

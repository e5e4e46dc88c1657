package org.compassioncourse.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.compassioncourse.security.ui.LandingAfterLogin;
import org.compassioncourse.security.ui.LoginView;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Web security: deny by default, Vaadin's view access control, CSRF-checked form login (and, where configured, sign-in
 * with the hospital's identity provider: {@link ProviderSignIn}), security headers, hashed passwords.
 */
@Configuration
@EnableWebSecurity
// Services use @PreAuthorize. JSR-250 (@RolesAllowed/@PermitAll) stays off for methods: on views those
// annotations are for Vaadin's navigation access control, and enabling them here would proxy every view.
@EnableMethodSecurity
class SecurityConfig {

    private static final String ARGON2 = "argon2@SpringSecurity_v5_8";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil vaadinRequests, VaadinDefaultRequestCache savedRequests,
                                           ObjectProvider<ProviderSignIn> providerSignIn) throws Exception {
        // Our own stylesheets and course figures are public; Vaadin's configurer permits its own resources, the login
        // page and every @AnonymousAllowed view, and everything else needs a logged-in user (deny by default: an
        // endpoint added later is never public by accident).
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/styles/**", "/icons/**", "/images/**", "/favicon.ico").permitAll());
        // Login CSRF: Vaadin's configurer exempts the login form's POST from the CSRF check, so a forged cross-site form
        // could sign a victim into someone else's account. We keep the check there (the login form sends the token that
        // Vaadin puts into the page's _csrf meta tags) and exempt only Vaadin's own requests, which carry Vaadin's token.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        // Spring Security's own header writers skip headers already set by SecurityHeaders; framing must agree with
        // the CSP's frame-ancestors 'self' for responses that do reach them first.
        http.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        // Vaadin's configurer takes a success handler put here; ours sends instructors to their cohorts.
        LandingAfterLogin landing = new LandingAfterLogin(vaadinRequests.applyUrlMapping(""), vaadinRequests.applyUrlMapping("instructor"),
                vaadinRequests.applyUrlMapping("administration"));
        landing.setRequestCache(savedRequests);
        http.setSharedObject(VaadinSavedRequestAwareAuthenticationSuccessHandler.class, landing);
        // sign-in with the hospital's identity provider, only where course.sign-in.oidc.issuer-uri is set: the same
        // login page and landing, and a logout that also ends the provider's session
        ProviderSignIn provider = providerSignIn.getIfAvailable();
        if (provider != null) {
            OidcClientInitiatedLogoutSuccessHandler logout = provider.apply(http, vaadinRequests.applyUrlMapping("login"), landing);
            // Vaadin's logout runs in one of its own requests: the browser is sent on by Vaadin's client. Its configurer
            // takes a logout success handler shared here instead of its own.
            logout.setRedirectStrategy(new UidlRedirectStrategy());
            http.setSharedObject(LogoutSuccessHandler.class, logout);
        }
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                        .enableCsrfConfiguration(false)
                        .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated))
                .build();
    }

    /**
     * Security headers on every response, the login page too: a plain servlet filter ahead of Spring Security, so no
     * path (Vaadin's resources, error pages, redirects) can miss them. See {@link SecurityHeaders} for the policy.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> securityHeaders() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                SecurityHeaders.write(request, response);
                chain.doFilter(request, response);
            }

            // Tomcat answers some requests without running the filters of a normal request (e.g. anything under
            // /WEB-INF/, however spelled: /VAADIN/../WEB-INF/web.xml) and sends them straight to the error page, whose
            // answer (a redirect to the login) must carry the headers too
            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }

            @Override
            protected boolean shouldNotFilterAsyncDispatch() {
                return false;
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC,
                DispatcherType.FORWARD, DispatcherType.INCLUDE);
        return registration;
    }

    /**
     * Remembers, in the visitor's own session, the email typed into a failed login, so the login page can show it
     * again with the error instead of making them type it twice. Runs before Spring Security handles the form.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> rememberTypedLoginEmail() {
        return beforeTheChain("/login", Ordered.HIGHEST_PRECEDENCE + 1, (request, response) -> {
            String typed = request.getParameter("username");
            if ("POST".equals(request.getMethod()) && typed != null && typed.length() <= 320) {
                request.getSession().setAttribute(LoginView.TYPED_EMAIL, typed.strip());
            }
        });
    }

    /** A servlet filter for these addresses that does one step, then lets the request go on. */
    private static FilterRegistrationBean<OncePerRequestFilter> beforeTheChain(String urlPattern, int order,
                                                                             BiConsumer<HttpServletRequest, HttpServletResponse> step) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                step.accept(request, response);
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(urlPattern);
        registration.setOrder(order);
        return registration;
    }

    /** Argon2id for new hashes; the delegating encoder still verifies older bcrypt hashes. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(ARGON2, Map.of(
                ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }
}

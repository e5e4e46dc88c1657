package org.compassioncourse.security.ui;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.SignedInWithProvider;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Optional;

/** Logs a just-registered user in within the current HTTP session, as a form login would; refreshes a signed-in one. */
@Component
public class SessionLogin {

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    private final RequestCache requestCache = new HttpSessionRequestCache();

    /**
     * The application's own holder strategy, the one Spring Security's filters clear after each request. The JVM-wide
     * SecurityContextHolder may point to another application's strategy (several apps in one JVM, as in the tests);
     * a context set there would outlive the request on this pooled thread and show a later visitor as logged in.
     */
    private final ObjectProvider<SecurityContextHolderStrategy> strategy;

    SessionLogin(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.strategy = strategy;
    }

    /**
     * The page a visitor asked for before being sent to log in (Spring Security keeps it in the session), as a
     * path of this app; consumed, so it is used once.
     */
    public Optional<String> savedDestination() {
        return destination(true);
    }

    /** The same page without using it up, e.g. to tell a visitor why they are asked to log in first. */
    public Optional<String> pendingDestination() {
        return destination(false);
    }

    private Optional<String> destination(boolean consume) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request == null || response == null) {
            return Optional.empty();
        }
        SavedRequest saved = requestCache.getRequest(request.getHttpServletRequest(), response.getHttpServletResponse());
        if (saved == null) {
            return Optional.empty();
        }
        if (consume) {
            requestCache.removeRequest(request.getHttpServletRequest(), response.getHttpServletResponse());
        }
        URI uri = URI.create(saved.getRedirectUrl());
        String context = request.getHttpServletRequest().getContextPath();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        // only pages of this app: never an outside address, never Vaadin's own resources
        if (!path.startsWith(context + "/") || path.startsWith(context + "/VAADIN")) {
            return Optional.empty();
        }
        return Optional.of("." + path.substring(context.length()));
    }

    /**
     * Puts an updated signed-in user (a new display name; after a password change, a new sign-in moment that keeps
     * this session valid while the account's other sessions end) into the current session, keeping its id.
     */
    public void refresh(CurrentUser user) {
        user.eraseCredentials();
        SecurityContextHolderStrategy holder = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        SecurityContext context = holder.createEmptyContext();
        if (holder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken provider
                && provider.getPrincipal() instanceof SignedInWithProvider before) {
            // signed in with the identity provider: stays so, keeping the ID token the logout hands back to it
            SignedInWithProvider updated = new SignedInWithProvider(user, before.getIdToken(), before.getUserInfo());
            context.setAuthentication(new OAuth2AuthenticationToken(updated, updated.getAuthorities(),
                    provider.getAuthorizedClientRegistrationId()));
        } else {
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        }
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request != null && response != null) {
            repository.saveContext(context, request.getHttpServletRequest(), response.getHttpServletResponse());
        }
        holder.setContext(context);
    }

    public void logIn(CurrentUser user) {
        user.eraseCredentials();
        SecurityContextHolderStrategy holder = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request != null && response != null) {
            // A new session id after login, as Spring Security does for form logins (session fixation).
            VaadinService.reinitializeSession(request);
            repository.saveContext(context, request.getHttpServletRequest(), response.getHttpServletResponse());
        }
        // For the rest of this request (cleared with it by Spring Security); without a servlet request (browserless
        // tests) the context of this thread is all there is.
        holder.setContext(context);
    }
}

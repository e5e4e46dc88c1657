package org.compassioncourse.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Ends a session whose account was deactivated, or whose sessions were ended (e.g. after a password reset) since it
 * began: checked against the database on every request of a signed-in user, so it takes effect on the next request on
 * every node. The session is invalidated; a page request is sent to the login page, and Vaadin answers its own
 * requests for a session that is gone with "session expired", after which the browser reloads to the login page.
 */
public class SessionValidityFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SessionValidityFilter.class);

    private final SessionValidity sessions;
    private final ObjectProvider<SecurityContextHolderStrategy> strategy;

    public SessionValidityFilter(SessionValidity sessions, ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.sessions = sessions;
        this.strategy = strategy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContextHolderStrategy holder = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user && !sessions.isStillValid(user)) {
            LOG.info("Ending a session of account {}: deactivated or its sessions were ended", user.accountId());
            holder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if ("GET".equals(request.getMethod()) && request.getParameter("v-r") == null) {
                response.sendRedirect(request.getContextPath() + "/login");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @Configuration
    static class Registration {

        /** Runs just inside Spring Security's chain, where the signed-in user is known. */
        @Bean
        FilterRegistrationBean<SessionValidityFilter> sessionValidityFilter(SessionValidity sessions,
                                                                           ObjectProvider<SecurityContextHolderStrategy> strategy) {
            FilterRegistrationBean<SessionValidityFilter> registration =
                    new FilterRegistrationBean<>(new SessionValidityFilter(sessions, strategy));
            registration.addUrlPatterns("/*");
            registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
            return registration;
        }
    }
}

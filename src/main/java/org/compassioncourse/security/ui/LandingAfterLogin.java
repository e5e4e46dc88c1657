package org.compassioncourse.security.ui;

import org.compassioncourse.security.Role;

import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

import java.io.IOException;
import java.net.URI;

/**
 * Where a form login lands: an administrator who asked for no particular page (or only for the course page, the app's
 * root) lands on the administration page, an instructor on their cohorts; everyone else where Vaadin sends them (the
 * page they asked for, else the course).
 * Beside the login view because it is part of Vaadin's login flow (the security configuration hands it to Vaadin).
 */
public final class LandingAfterLogin extends VaadinSavedRequestAwareAuthenticationSuccessHandler {

    private final String root;
    private final String instructorHome;
    private final String administratorHome;
    private RequestCache requestCache = new HttpSessionRequestCache();

    /** @param root, instructorHome and administratorHome paths as the app is mapped, e.g. "/", "/instructor", "/administration" */
    public LandingAfterLogin(String root, String instructorHome, String administratorHome) {
        this.root = root;
        this.instructorHome = instructorHome;
        this.administratorHome = administratorHome;
        setDefaultTargetUrl(root);
    }

    @Override
    public void setRequestCache(RequestCache requestCache) {
        super.setRequestCache(requestCache);
        this.requestCache = requestCache;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        boolean instructor = authentication.getAuthorities().stream().anyMatch(a -> Role.INSTRUCTOR.authority().equals(a.getAuthority()));
        boolean administrator = authentication.getAuthorities().stream().anyMatch(a -> Role.ADMINISTRATOR_AUTHORITY.equals(a.getAuthority()));
        String home = administrator ? administratorHome : instructor ? instructorHome : null;
        if (home == null || !headsForTheCourse(request, response)) {
            super.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        requestCache.removeRequest(request, response);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE);
        }
        clearAuthenticationAttributes(request);
        getRedirectStrategy().sendRedirect(request, response, home);
    }

    /** Nothing asked for, or only the app's root: the default landing, the course page. */
    private boolean headsForTheCourse(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        Object stored = session == null ? null : session.getAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE);
        SavedRequest saved = requestCache.getRequest(request, response);
        String destination = stored instanceof String s ? s : saved == null ? null : saved.getRedirectUrl();
        if (destination == null) {
            return true;
        }
        String path = URI.create(destination).getRawPath();
        String rootPath = request.getContextPath() + root;
        return path == null || path.isEmpty() || path.equals(rootPath) || (path + "/").equals(rootPath);
    }
}

package org.compassioncourse.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every response carries, pages and Vaadin's own requests alike. Written by a servlet filter
 * ahead of Spring Security, so the login page and anything Vaadin serves get exactly the same ones.
 */
final class SecurityHeaders {

    /**
     * Vaadin Flow 25.2 needs {@code 'unsafe-inline'} and {@code 'unsafe-eval'} for scripts (its bootstrap page starts the
     * client engine with an inline script, and the engine builds functions from the expressions of {@code executeJs()}
     * and event data) and {@code 'unsafe-inline'} for styles; everything else is this site only. {@code data:} images are
     * the Lumo icons and SVG charts; {@code connect-src 'self'} covers Vaadin's requests and push (CSP Level 3 lets
     * 'self' match ws:/wss: on the same host).
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    /**
     * The app uses no device features: a hijacked page cannot ask for them either. Only features Chromium knows (an
     * unknown one, such as bluetooth, is a console error that the browser tests would report).
     */
    static final String PERMISSIONS_POLICY = String.join(", ",
            "camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()", "serial=()",
            "display-capture=()");

    /** Two years, as the HSTS preload list asks; sent only over HTTPS (browsers ignore it on plain HTTP anyway). */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

    private SecurityHeaders() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        // the same framing rule as frame-ancestors 'self', for browsers that only know the older header
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        // isSecure() is true behind a TLS proxy too, given server.forward-headers-strategy (see application.yaml)
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
    }
}

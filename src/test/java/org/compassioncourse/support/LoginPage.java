package org.compassioncourse.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The login page as a plain HTTP client sees it: the CSRF token Vaadin puts into its meta tags (the login form posts it
 * as {@code _csrf}), and the form POST a browser would send.
 */
public final class LoginPage {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private LoginPage() {
    }

    /** Opens /login in this client (so its session gets a token) and returns the token from the page, if any. */
    public static Optional<String> csrfToken(HttpClient client, String baseUrl) throws Exception {
        String page = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher meta = CSRF_META.matcher(page);
        return meta.find() ? Optional.of(meta.group(1)) : Optional.empty();
    }

    /** Posts the login form with the given fields (and the CSRF token when given); redirects are not followed. */
    public static HttpResponse<Void> post(HttpClient client, String baseUrl, String email, String password,
                                          Optional<String> csrfToken) throws Exception {
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + csrfToken.map(token -> "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)).orElse("");
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    }
}

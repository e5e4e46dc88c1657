package org.compassioncourse.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An OpenID provider in the test's JVM (Spring Authorization Server on its own port, at {@code localhost}), issuing
 * real signed ID tokens for the person a test chooses ({@link #signInAs}), with the claims it chooses. Nobody types a
 * password here: a request to the authorization endpoint is signed in as that person. A test can spoil the next ID
 * token ({@link #spoilNextIdToken}, e.g. another issuer or an expiry in the past), and read which addresses the
 * browser asked for and which answers the provider sent back to the app.
 * <p>
 * The app under test must be reached at {@code 127.0.0.1}: the provider refuses {@code localhost} redirect addresses
 * (OAuth 2.1), and two hosts keep the two session cookies apart.
 */
public final class TestOpenIdProvider implements AutoCloseable {

    public static final String CLIENT_ID = "compassion-course";
    public static final String CLIENT_SECRET = "test-client-secret";

    /** Someone with an account at the provider, and what their ID token says. */
    public record Person(String subject, String email, boolean emailVerified, String name, List<String> groups) {

        public Person withGroups(String... groups) {
            return new Person(subject, email, emailVerified, name, List.of(groups));
        }
    }

    private final AnnotationConfigServletWebServerApplicationContext context;
    private volatile @Nullable Person person;
    private volatile @Nullable Consumer<JwtClaimsSet.Builder> spoiler;
    private volatile @Nullable RegisteredClient client;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> answersToApp = new CopyOnWriteArrayList<>();

    private TestOpenIdProvider() {
        context = new AnnotationConfigServletWebServerApplicationContext();
        context.registerBean(TestOpenIdProvider.class, () -> this);
        context.register(Endpoints.class);
        context.refresh();
    }

    public static TestOpenIdProvider start() {
        return new TestOpenIdProvider();
    }

    /** The issuer, as the app's course.sign-in.oidc.issuer-uri. */
    public String issuer() {
        return "http://localhost:" + context.getWebServer().getPort();
    }

    /** Lets the app at this address (e.g. http://127.0.0.1:8123) sign people in, and be sent back to after logout. */
    public void allowApp(String appBaseUrl) {
        client = RegisteredClient.withId("app")
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(appBaseUrl + "/login/oauth2/code/hospital")
                .postLogoutRedirectUri(appBaseUrl + "/login")
                .scope("openid").scope("profile").scope("email")
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build();
    }

    /** Whoever the browser next signs in as at the provider. */
    public void signInAs(Person person) {
        this.person = person;
    }

    /** Changes the claims of the next ID token only (after the provider has set its own). */
    public void spoilNextIdToken(Consumer<JwtClaimsSet.Builder> spoiler) {
        this.spoiler = spoiler;
    }

    /** The paths the provider was asked for, oldest first (e.g. "/connect/logout"), with their query. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The addresses the provider sent the browser back to the app with (the redirect URI with code and state). */
    public List<String> answersToApp() {
        return List.copyOf(answersToApp);
    }

    @Override
    public void close() {
        context.close();
    }

    /** The provider's beans; registered by hand, so the app's component scan never finds them. */
    @EnableWebSecurity
    static class Endpoints {

        @Bean
        TomcatServletWebServerFactory webServer() {
            TomcatServletWebServerFactory tomcat = new TomcatServletWebServerFactory(0);
            // a servlet for every address, so that the request reaches the filters (the provider's endpoints)
            tomcat.setRegisterDefaultServlet(true);
            return tomcat;
        }

        @Bean
        SecurityFilterChain provider(HttpSecurity http, TestOpenIdProvider provider) throws Exception {
            http.with(new OAuth2AuthorizationServerConfigurer(), server -> server.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    // the userinfo endpoint takes the access token
                    .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                    .csrf(csrf -> csrf.disable())
                    .addFilterBefore(new Recorder(provider), SecurityContextHolderFilter.class)
                    .addFilterAfter(new SignInAsChosen(provider), SecurityContextHolderFilter.class);
            return http.build();
        }

        /**
         * The JVM-wide holder strategy as it is at each request: a Vaadin app started after the provider replaces it
         * JVM-wide, and some of the provider's filters read the holder directly; all of them must use the same one.
         */
        @Bean
        SecurityContextHolderStrategy strategy() {
            return new SecurityContextHolderStrategy() {
                @Override
                public void clearContext() {
                    SecurityContextHolder.getContextHolderStrategy().clearContext();
                }

                @Override
                public org.springframework.security.core.context.SecurityContext getContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getContext();
                }

                @Override
                public void setContext(org.springframework.security.core.context.SecurityContext context) {
                    SecurityContextHolder.getContextHolderStrategy().setContext(context);
                }

                @Override
                public org.springframework.security.core.context.SecurityContext createEmptyContext() {
                    return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                }
            };
        }

        @Bean
        RegisteredClientRepository clients(TestOpenIdProvider provider) {
            return new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient registeredClient) {
                    // the provider re-encodes the {noop} secret after its first use
                    provider.client = registeredClient;
                }

                @Override
                public @Nullable RegisteredClient findById(String id) {
                    RegisteredClient client = provider.client;
                    return client != null && client.getId().equals(id) ? client : null;
                }

                @Override
                public @Nullable RegisteredClient findByClientId(String clientId) {
                    RegisteredClient client = provider.client;
                    return client != null && client.getClientId().equals(clientId) ? client : null;
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            // no issuer: it is taken from the request, http://localhost:<port>
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims(TestOpenIdProvider provider) {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                Person person = provider.person;
                if (person != null) {
                    context.getClaims().claim("email", person.email()).claim("email_verified", person.emailVerified())
                            .claim("name", person.name()).claim("groups", person.groups());
                }
                Consumer<JwtClaimsSet.Builder> spoiler = provider.spoiler;
                if (spoiler != null) {
                    provider.spoiler = null;
                    spoiler.accept(context.getClaims());
                }
            };
        }
    }

    /** Signs the browser in at the provider as the chosen person whenever it asks for authorization or logout. */
    private static final class SignInAsChosen extends OncePerRequestFilter {

        private final TestOpenIdProvider provider;

        SignInAsChosen(TestOpenIdProvider provider) {
            this.provider = provider;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Person person = provider.person;
            String path = request.getRequestURI();
            if (person == null || !(path.equals("/oauth2/authorize") || path.equals("/connect/logout"))) {
                chain.doFilter(request, response);
                return;
            }
            var context = SecurityContextHolder.createEmptyContext();
            // signed in now, with a password, as far as the provider knows (its ID tokens carry auth_time)
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person.subject(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_USER"),
                            FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY))));
            SecurityContextHolder.setContext(context);
            chain.doFilter(request, response);
        }
    }

    /** Notes every request, and every redirect back to the app. */
    private static final class Recorder extends OncePerRequestFilter {

        private final TestOpenIdProvider provider;

        Recorder(TestOpenIdProvider provider) {
            this.provider = provider;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            provider.requests.add(request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void sendRedirect(String location) throws IOException {
                    if (location.contains("/login/oauth2/code/")) {
                        provider.answersToApp.add(location);
                    }
                    super.sendRedirect(location);
                }
            });
        }
    }
}

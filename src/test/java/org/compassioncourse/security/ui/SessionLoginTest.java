package org.compassioncourse.security.ui;

import org.compassioncourse.security.Role;
import org.compassioncourse.security.SignedInWithProvider;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.ui.SessionLogin;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression: a learner logged in after registering used to be put on the JVM-wide SecurityContextHolder. When that
 * holder belonged to another application in the JVM, Spring Security's filters never cleared it, and the next
 * visitor served by the same pooled thread was taken for that learner (a fresh browser was sent away from /register).
 */
class SessionLoginTest {

    @AfterEach
    void clearJvmWideHolder() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void loginIsKeptInTheApplicationsOwnSecurityContextStrategyNotTheJvmWideHolder() {
        SecurityContextHolderStrategy applicationStrategy = new VaadinAwareSecurityContextHolderStrategy();
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("securityContextHolderStrategy", applicationStrategy);
        SessionLogin sessionLogin = new SessionLogin(beans.getBeanProvider(SecurityContextHolderStrategy.class));
        CurrentUser learner = Mockito.mock(CurrentUser.class);

        sessionLogin.logIn(learner);

        assertThat(applicationStrategy.getContext().getAuthentication().getPrincipal()).isSameAs(learner);
        assertThat(SecurityContextHolder.getContext().getAuthentication())
                .as("nothing left on a holder that the application's filters do not clear").isNull();
    }

    @Test
    void refreshingAUserSignedInWithTheProviderKeepsTheIdTokenThatLogoutHandsBack() {
        SecurityContextHolderStrategy applicationStrategy = new VaadinAwareSecurityContextHolderStrategy();
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("securityContextHolderStrategy", applicationStrategy);
        SessionLogin sessionLogin = new SessionLogin(beans.getBeanProvider(SecurityContextHolderStrategy.class));
        List<SimpleGrantedAuthority> learner = List.of(new SimpleGrantedAuthority(Role.LEARNER.authority()));
        Instant signedIn = Instant.parse("2026-12-08T09:00:00Z");
        OidcIdToken idToken = new OidcIdToken("header.claims.signature", signedIn, signedIn.plusSeconds(300),
                Map.of("sub", "sub-ada", "iss", "https://login.example"));
        SignedInWithProvider before = new SignedInWithProvider(new CurrentUser(7, "ada@ward7.example", "Ada", "", Role.LEARNER,
                false, learner, signedIn), idToken, null);
        var context = applicationStrategy.createEmptyContext();
        context.setAuthentication(new OAuth2AuthenticationToken(before, before.getAuthorities(), "hospital"));
        applicationStrategy.setContext(context);

        sessionLogin.refresh(new CurrentUser(7, "ada@ward7.example", "Ada Lovelace", "", Role.LEARNER, false, learner, signedIn));

        assertThat(applicationStrategy.getContext().getAuthentication()).isInstanceOfSatisfying(OAuth2AuthenticationToken.class, token -> {
            assertThat(token.getAuthorizedClientRegistrationId()).isEqualTo("hospital");
            assertThat(token.getPrincipal()).isInstanceOfSatisfying(SignedInWithProvider.class, user -> {
                assertThat(user.displayName()).isEqualTo("Ada Lovelace");
                assertThat(user.getIdToken()).isSameAs(idToken);
            });
        });
    }
}

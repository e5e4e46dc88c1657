package org.compassioncourse.security.ui;

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
}

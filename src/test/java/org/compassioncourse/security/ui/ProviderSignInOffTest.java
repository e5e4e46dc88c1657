package org.compassioncourse.security.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.compassioncourse.security.ProviderSignIn;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** Without course.sign-in.oidc.* the app is as it was: no OAuth2 client beans, no provider button, the password form. */
@ApplicationTest
class ProviderSignInOffTest extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext app;

    @Test
    void withoutSettingsNoOAuthBeansAreActive() {
        assertThat(app.getBeanNamesForType(ClientRegistrationRepository.class)).isEmpty();
        assertThat(app.getBeanNamesForType(ProviderSignIn.class)).isEmpty();
    }

    @Test
    void withoutSettingsTheLoginPageHasNoProviderButton() {
        LoginView page = navigate(LoginView.class);
        assertThat(page.providerSignIn.getParent()).isEmpty();
        assertThat(page.login.isVisible()).isTrue();
        assertThat(page.register.isVisible()).isTrue();
    }
}

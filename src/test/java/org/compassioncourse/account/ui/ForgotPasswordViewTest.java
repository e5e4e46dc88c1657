package org.compassioncourse.account.ui;

import org.compassioncourse.security.ui.LoginView;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.login.AbstractLogin;
import com.vaadin.flow.server.VaadinRequest;
import org.compassioncourse.security.TestThrottle;
import org.compassioncourse.security.ThrottleProperties;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithAnonymousUser;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
@WithAnonymousUser
class ForgotPasswordViewTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ThrottleProperties limits;

    @Test
    void forgotPasswordOnTheLoginPageLeadsToThePageThatSendsALink() {
        navigate(LoginView.class);
        com.vaadin.flow.component.login.LoginForm form = $(com.vaadin.flow.component.login.LoginForm.class).single();
        assertThat(form.isForgotPasswordButtonVisible()).isTrue();

        ComponentUtil.fireEvent(form, new AbstractLogin.ForgotPasswordEvent(form, true));

        assertThat(getCurrentView()).isInstanceOf(ForgotPasswordView.class);
    }

    @Test
    void anEmptyEmailIsNamedOnTheFieldAndNothingIsAnswered() {
        ForgotPasswordView page = navigate(ForgotPasswordView.class);

        test(page.send).click();

        assertThat(page.email.isInvalid()).isTrue();
        assertThat(page.email.getErrorMessage()).isEqualTo("Enter your email address.");
        assertThat(page.answer.isVisible()).isFalse();
        assertThat(page.send.isEnabled()).isTrue();
    }

    @Test
    void aNetworkThatAskedTooOftenThisHourIsToldToTryLater() {
        ForgotPasswordView page = navigate(ForgotPasswordView.class);
        String address = VaadinRequest.getCurrent().getRemoteAddr();
        TestThrottle.resetRequestsFrom(jdbc, address, limits.resetRequestsPerAddress());
        try {
            test(page.email).setValue("someone-" + UUID.randomUUID() + "@ward7.example");
            test(page.send).click();

            assertThat(page.answer.getText()).isEqualTo("Too many password reset requests from this network. Try again in an hour.");
        } finally {
            TestThrottle.forgetResetRequestsFrom(jdbc, address);
        }
    }

    @Test
    void anUnknownResetLinkSaysSoAndLinksToAskingForANewOne() {
        navigate(ResetPasswordView.class, java.util.Map.of("token", "made-up"));

        assertThat($(com.vaadin.flow.component.html.Paragraph.class).withId("link-does-not-work").single().getText())
                .startsWith("This link to reset your password does not work.");
        assertThat($(Anchor.class).withId("ask-again").single().getHref()).isEqualTo("forgot-password");
    }
}

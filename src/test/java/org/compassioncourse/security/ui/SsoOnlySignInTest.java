package org.compassioncourse.security.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.compassioncourse.account.AccountService;
import org.compassioncourse.account.PasswordResets;
import org.compassioncourse.account.RegistrationException;
import org.compassioncourse.account.RegistrationForm;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sign-in through the identity provider only ({@code course.sign-in.oidc.sso-only}): the login page offers the
 * provider's button alone, and no password works, is registered or reset here (the bootstrap administrator's does:
 * {@link org.compassioncourse.account.SsoOnlyBootstrapPasswordTest}).
 * The provider is unreachable here: the app starts anyway (its discovery document is read at the first sign-in).
 */
@ApplicationTest
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:sso-only;DB_CLOSE_DELAY=-1",
        "course.sign-in.oidc.issuer-uri=http://127.0.0.1:9/unreachable",
        "course.sign-in.oidc.client-id=compassion-course",
        "course.sign-in.oidc.sso-only=true",
        "course.sign-in.oidc.display-name=Northfield Hospital account",
        "course.bootstrap-admin=" + SsoOnlySignInTest.OFFICE})
class SsoOnlySignInTest extends SpringBrowserlessTest {

    static final String OFFICE = "education.office@northfield.example";

    @Autowired
    Learners people;
    @Autowired
    UserDetailsService users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    AccountService accounts;
    @Autowired
    PasswordResets resets;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theLoginPageOffersOnlyTheProvidersButton() {
        LoginView page = navigate(LoginView.class);
        assertThat(page.providerSignIn.getText()).isEqualTo("Sign in with Northfield Hospital account");
        assertThat(page.providerSignIn.getHref()).isEqualTo("oauth2/authorization/hospital");
        assertThat(page.login.isVisible()).as("the password form").isFalse();
        assertThat(page.register.isVisible()).as("Create an account").isFalse();
    }

    @Test
    void theBootstrapAdministratorFindsThePasswordFormAtItsOwnAddress() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("password", "")));
        LoginView page = (LoginView) getCurrentView();
        assertThat(page.login.isVisible()).isTrue();
        assertThat(page.providerSignIn.isVisible()).isTrue();
    }

    @Test
    void aLearnersOwnPasswordDoesNotWork() {
        people.learner("Lee Learner", "lee.learner@northfield.example");
        assertThat(passwords.matches(Learners.PASSWORD, users.loadUserByUsername("lee.learner@northfield.example").getPassword()))
                .as("a learner's own password").isFalse();
    }

    @Test
    void nobodyRegistersHere() {
        assertThatThrownBy(() -> accounts.registerLearner(new RegistrationForm("Nia New", "nia.new@northfield.example",
                "amber-otter-kettle-rain"), "203.0.113.7"))
                .isInstanceOf(RegistrationException.class)
                .hasMessageContaining("Accounts come from Northfield Hospital account");
        assertThat(jdbc.queryForObject("select count(*) from user_account where email = 'nia.new@northfield.example'", Long.class)).isZero();
    }

    @Test
    void noResetLinkIsIssuedButForTheBootstrapAdministrator() {
        long learner = people.learner("Rae Reset", "rae.reset@northfield.example").accountId();
        resets.requestLink("rae.reset@northfield.example", "203.0.113.8");
        assertThat(jdbc.queryForObject("select count(*) from single_use_link where account_id = ?", Long.class, learner)).isZero();
        assertThat(resets.ssoOnlyNotice()).hasValueSatisfying(notice -> assertThat(notice).contains("Passwords are not used here"));
    }
}

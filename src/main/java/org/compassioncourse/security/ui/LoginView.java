package org.compassioncourse.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.compassioncourse.security.OidcSignInProperties;
import org.compassioncourse.security.RegistrationOffer;
import org.compassioncourse.security.SignInOptions;

/**
 * The login page: email and password, "Forgot password?", a link to register; where the hospital's identity provider is
 * configured also "Sign in with ..." (alone where sign-in is through it only: the bootstrap administrator's password
 * form is then at {@code login?password}). Logged-in users are sent to the course.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Compassion Course")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    /** Session attribute: the email typed into the last login attempt (set by a filter before Spring Security). */
    public static final String TYPED_EMAIL = LoginView.class.getName() + ".typedEmail";

    final LoginForm login = new LoginForm();
    private final Paragraph joining = new Paragraph("To join the cohort your instructor invited you to, log in or create "
            + "an account first. You will come back to the invitation afterwards.");
    private final AuthenticationContext authenticationContext;
    private final SessionLogin sessionLogin;
    private final RegistrationOffer registrationOffer;
    /** "New here? Create an account", or, where registration is by invitation and none was opened, how to get one. */
    final Paragraph register = new Paragraph();
    /** "Sign in with your hospital account", where the identity provider is configured. */
    final Anchor providerSignIn = new Anchor();
    private final SignInOptions signInOptions;

    public LoginView(AuthenticationContext authenticationContext, SessionLogin sessionLogin, RegistrationOffer registrationOffer,
                     SignInOptions signInOptions) {
        this.authenticationContext = authenticationContext;
        this.sessionLogin = sessionLogin;
        this.registrationOffer = registrationOffer;
        this.signInOptions = signInOptions;
        joining.setId("login-to-join");
        joining.addClassName("auth-intro");
        joining.setVisible(false);
        addClassName("auth-page");

        H1 title = new H1("Compassion Course");
        Paragraph intro = new Paragraph("The neuroscience of compassion, for nurses, doctors and carers. "
                + "Learn to tell feeling with someone from feeling for them, in short lessons you can pick up where you left off.");
        intro.addClassName("auth-intro");

        login.setAction("login");
        login.setForgotPasswordButtonVisible(true);
        login.addForgotPasswordListener(forgot -> forgot.getSource().getUI()
                .ifPresent(ui -> ui.navigate("forgot-password"))); // the account feature's page
        login.setI18n(i18n());

        register.setId("login-register");
        add(title, intro, joining);
        signInOptions.providerName().ifPresent(provider -> {
            // a plain link, not a Vaadin navigation: Spring Security starts the provider's sign-in at this address
            providerSignIn.setHref("oauth2/authorization/" + OidcSignInProperties.REGISTRATION_ID);
            providerSignIn.setRouterIgnore(true);
            providerSignIn.setText("Sign in with " + provider);
            providerSignIn.setId("provider-sign-in");
            providerSignIn.addClassName("provider-sign-in");
            add(providerSignIn);
        });
        add(login, register);
    }

    private static LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle("Log in");
        form.setUsername("Email");
        form.setPassword("Password");
        form.setSubmit("Log in");
        form.setForgotPassword("Forgot password?");
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle("Incorrect email or password");
        error.setMessage("Check your email and password and try again. Passwords are case-sensitive. "
                + "After 10 failed attempts, logging in to that account pauses for 15 minutes.");
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authenticationContext.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        // sign-in through the identity provider only: no password form, but for the bootstrap administrator's at ?password
        boolean passwordForm = !signInOptions.ssoOnly()
                || event.getLocation().getQueryParameters().getParameters().containsKey("password")
                || event.getLocation().getQueryParameters().getParameters().containsKey("error");
        login.setVisible(passwordForm);
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        login.setError(failed);
        Object typed = VaadinSession.getCurrent().getSession().getAttribute(TYPED_EMAIL);
        if (failed && typed instanceof String email && !email.isBlank()) {
            // the email stays as typed, and the cursor waits in the password field
            login.getElement().executeJs("""
                    customElements.whenDefined('vaadin-login-form').then(() => requestAnimationFrame(() => {
                      const email = this.querySelector('#vaadinLoginUsername');
                      const password = this.querySelector('#vaadinLoginPassword');
                      if (email && !email.value) { email.value = $0; }
                      if (password) { password.focus(); }
                    }));""", email);
        }
        boolean cameByJoinLink = sessionLogin.pendingDestination().filter(path -> path.startsWith("./join/")).isPresent();
        joining.setVisible(cameByJoinLink);
        register.removeAll();
        register.setVisible(!signInOptions.ssoOnly());
        if (registrationOffer.byInvitationOnly() && !cameByJoinLink) {
            // a "Create an account" link here would only lead to a page that refuses: say how to get in instead
            register.setText("New here? Accounts are by invitation: open the join link your instructor sent you, "
                    + "and you can create your account from there.");
            return;
        }
        register.setText("New here? ");
        Anchor registerLink = new Anchor("register", "Create an account");
        registerLink.setId("register-link");
        register.add(registerLink);
    }
}

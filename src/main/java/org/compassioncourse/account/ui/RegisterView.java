package org.compassioncourse.account.ui;

import org.compassioncourse.security.ui.SessionLogin;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.compassioncourse.account.AccountService;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.account.PasswordPolicy;
import org.compassioncourse.account.RegistrationException;
import org.compassioncourse.account.RegistrationForm;
import org.compassioncourse.account.RegistrationPolicy;
import org.compassioncourse.account.RegistrationProperties;
import org.jspecify.annotations.Nullable;

/** Self-registration of a learner: display name, email, password; logs the new learner in. */
@Route(value = "register", autoLayout = false)
@PageTitle("Create an account · Compassion Course")
@AnonymousAllowed
public class RegisterView extends Main implements BeforeEnterObserver {

    final TextField displayName = new TextField("Your name");
    final EmailField email = new EmailField("Email");
    final PasswordField password = new PasswordField("Password");
    final Button create = new Button("Create account");

    /** Shown instead of the form when registration is by invitation and the visitor came by none. */
    final Paragraph byInvitation = new Paragraph(RegistrationPolicy.BY_INVITATION);

    private final AccountService accountService;
    private final SessionLogin sessionLogin;
    private final AuthenticationContext authenticationContext;
    private final RegistrationPolicy registrationPolicy;
    private final FormLayout form;
    /** The join code of the cohort link the visitor came by (before being asked to log in or register), if any. */
    private @Nullable String invitationCode;

    public RegisterView(AccountService accountService, SessionLogin sessionLogin,
                        AuthenticationContext authenticationContext, RegistrationPolicy registrationPolicy) {
        this.accountService = accountService;
        this.sessionLogin = sessionLogin;
        this.authenticationContext = authenticationContext;
        this.registrationPolicy = registrationPolicy;
        addClassName("auth-page");

        displayName.setId("display-name");
        displayName.setRequiredIndicatorVisible(true);
        displayName.setMaxLength(AccountService.MAX_DISPLAY_NAME);
        displayName.setHelperText("Shown to your instructor.");
        displayName.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NAME);

        email.setId("email");
        email.setRequiredIndicatorVisible(true);
        email.setMaxLength(AccountService.MAX_EMAIL);
        email.setHelperText(registrationPolicy.mode() == RegistrationProperties.Mode.DOMAINS
                ? registrationPolicy.domainsRule() + " You log in with this address."
                : "You log in with this.");
        email.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.EMAIL);

        password.setId("password");
        password.setRequiredIndicatorVisible(true);
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH
                + " characters. A few unrelated words work well; common passwords are refused.");
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);

        create.setId("create-account");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setDisableOnClick(true);
        create.addClickListener(click -> register());
        create.addClickShortcut(Key.ENTER);

        byInvitation.setId("registration-by-invitation");
        byInvitation.setVisible(false);

        form = new FormLayout(displayName, email, password, create);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.addClassName("auth-form");

        Paragraph login = new Paragraph("Already registered? ");
        login.add(new Anchor("login", "Log in"));

        add(new H1("Compassion Course"), new H2("Create an account"), byInvitation, form, login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authenticationContext.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        invitationCode = sessionLogin.pendingDestination().map(RegisterView::joinCodeIn).orElse(null);
        boolean ssoOnly = registrationPolicy.ssoOnly();
        boolean closed = ssoOnly || registrationPolicy.mode() == RegistrationProperties.Mode.INVITATION_ONLY && invitationCode == null;
        byInvitation.setText(ssoOnly ? registrationPolicy.ssoOnlyRule() : RegistrationPolicy.BY_INVITATION);
        byInvitation.setVisible(closed);
        form.setVisible(!closed);
    }

    /** The cohort code in a join link's path ("./join/ABCD2345"), or null for any other page. */
    static @Nullable String joinCodeIn(String destination) {
        String prefix = "./join/";
        if (!destination.startsWith(prefix)) {
            return null;
        }
        String code = destination.substring(prefix.length());
        int end = code.indexOf('?');
        code = end < 0 ? code : code.substring(0, end);
        return code.isBlank() || code.contains("/") ? null : code;
    }

    private void register() {
        displayName.setInvalid(false);
        email.setInvalid(false);
        password.setInvalid(false);
        // every empty field is named at once, not one per attempt; marked from the bottom up, so the focus ends
        // on the first empty one
        boolean missing = false;
        if (password.getValue().isEmpty()) {
            showError(password, "Enter a password.");
            missing = true;
        }
        if (email.getValue().isBlank()) {
            showError(email, "Enter your email address.");
            missing = true;
        }
        if (displayName.getValue().isBlank()) {
            showError(displayName, "Enter the name other people in the course will see.");
            missing = true;
        }
        if (missing) {
            create.setEnabled(true);
            return;
        }
        try {
            CurrentUser user = accountService.registerLearner(
                    new RegistrationForm(displayName.getValue(), email.getValue(), password.getValue()),
                    VaadinRequest.getCurrent().getRemoteAddr(), invitationCode);
            String destination = sessionLogin.savedDestination().orElse("./");
            sessionLogin.logIn(user);
            // A full page load so the new session and its security context are used from here on; a visitor
            // who came by a link (e.g. a cohort's join link) goes on to it, as after logging in.
            UI.getCurrent().getPage().setLocation(destination);
        } catch (RegistrationException refused) {
            switch (refused.field()) {
                case DISPLAY_NAME -> showError(displayName, refused.getMessage());
                case EMAIL -> showError(email, refused.getMessage());
                case PASSWORD -> showError(password, refused.getMessage());
            }
            create.setEnabled(true);
        }
    }

    private static void showError(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        if (field instanceof com.vaadin.flow.component.Focusable<?> focusable) {
            focusable.focus();
        }
    }
}

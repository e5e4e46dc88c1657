package org.compassioncourse.administration.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.compassioncourse.account.AccountService;
import org.compassioncourse.account.AccountSetup;
import org.compassioncourse.account.AccountSetupException;
import org.compassioncourse.account.PasswordPolicy;
import org.compassioncourse.account.RegistrationException;
import org.compassioncourse.security.Role;
import org.compassioncourse.account.SetupInvitation;
import org.compassioncourse.base.ui.UserTime;

/**
 * Where an invited instructor, or the first administrator, sets their name and password through a single-use link.
 * Public: the link is the permission.
 */
@Route(value = "setup/:token", autoLayout = false)
@PageTitle("Set up your account · Compassion Course")
@AnonymousAllowed
public class AccountSetupView extends Main implements BeforeEnterObserver {

    final TextField displayName = new TextField("Your name, as others in the course will see it");
    final PasswordField password = new PasswordField("Choose a password");
    final Button save = new Button("Set password");
    final Paragraph outcome = new Paragraph();

    private final AccountSetup setup;
    private String token = "";

    public AccountSetupView(AccountSetup setup) {
        this.setup = setup;
        addClassNames("page", "setup-page");
        setId("account-setup");
        outcome.setId("setup-outcome");
        outcome.getElement().setAttribute("role", "status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        token = event.getRouteParameters().get("token").orElse("");
        SetupInvitation invitation = setup.invitation(token).orElse(null);
        if (invitation == null) {
            outcome.setText(AccountSetup.LINK_NOT_USABLE);
            add(new H1("Link not valid"), outcome, new Anchor("login", "Go to the login page"));
            return;
        }
        String as = (invitation.role() == Role.INSTRUCTOR ? "instructor" : "learner")
                + (invitation.administrator() ? " and administrator" : "");
        displayName.setId("setup-name");
        displayName.setMaxLength(AccountService.MAX_DISPLAY_NAME);
        displayName.setRequired(true);
        displayName.setValue(invitation.suggestedName());
        password.setId("setup-password");
        password.setRequired(true);
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters. A few unrelated words make a strong, memorable password.");
        save.setId("setup-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        save.addClickShortcut(Key.ENTER).listenOn(password);
        VerticalLayout form = new VerticalLayout(displayName, password, save);
        form.setPadding(false);
        add(new H1("Set up your account"),
                new Paragraph("Account " + invitation.email() + ", as " + as + ". This link works once, until "
                        + UserTime.dateTime(invitation.expiresAt()) + "."),
                form, outcome);
    }

    private void save() {
        displayName.setInvalid(false);
        password.setInvalid(false);
        try {
            setup.completeSetup(token, displayName.getValue(), password.getValue());
        } catch (RegistrationException refused) {
            com.vaadin.flow.component.HasValidation field = refused.field() == RegistrationException.Field.PASSWORD ? password : displayName;
            field.setErrorMessage(refused.getMessage());
            field.setInvalid(true);
            return;
        } catch (AccountSetupException linkGone) {
            removeAll();
            outcome.setText(linkGone.getMessage());
            add(new H1("Link not valid"), outcome, new Anchor("login", "Go to the login page"));
            return;
        }
        removeAll();
        outcome.setText("Your password is set. Log in with your email and the new password.");
        add(new H1("Account ready"), outcome, new Anchor("login", "Log in"));
    }
}

package org.compassioncourse.account.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.compassioncourse.account.PasswordPolicy;
import org.compassioncourse.account.PasswordResetException;
import org.compassioncourse.account.PasswordResets;

/**
 * Where a reset link leads: choose a new password. Opening the page does not use the link (mail scanners and link
 * previews open links too); setting the password does. Used, expired and unknown links get one and the same answer.
 */
@Route(value = "reset/:token", autoLayout = false)
@PageTitle("Choose a new password · Compassion Course")
@AnonymousAllowed
public class ResetPasswordView extends Main implements BeforeEnterObserver {

    final PasswordField password = new PasswordField("New password");
    final Button save = new Button("Set new password");

    private final PasswordResets resets;
    private String token = "";

    public ResetPasswordView(PasswordResets resets) {
        this.resets = resets;
        addClassName("auth-page");

        password.setId("new-password");
        password.setRequiredIndicatorVisible(true);
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH
                + " characters. A few unrelated words work well; common passwords are refused.");
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);

        save.setId("set-new-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(click -> setNewPassword());
        save.addClickShortcut(Key.ENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        removeAll();
        if (!resets.linkWorks(token)) {
            showLinkDoesNotWork();
            return;
        }
        FormLayout form = new FormLayout(password, save);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.addClassName("auth-form");
        add(new H1("Compassion Course"), new H2("Choose a new password"),
                new Paragraph("Setting a new password logs your account out on every other device."), form);
        password.focus();
    }

    private void setNewPassword() {
        password.setInvalid(false);
        try {
            resets.setNewPassword(token, password.getValue());
            removeAll();
            Paragraph done = new Paragraph("Your password has been changed, and your account has been logged out everywhere else. "
                    + "Log in with your new password.");
            done.setId("password-changed");
            done.getElement().setAttribute("role", "status");
            Anchor login = new Anchor("login", "Log in");
            login.setId("login-link");
            add(new H1("Compassion Course"), new H2("Password changed"), done, new Paragraph(login));
        } catch (PasswordResetException refused) {
            if (refused.problem() == PasswordResetException.Problem.PASSWORD) {
                password.setErrorMessage(refused.getMessage());
                password.setInvalid(true);
                password.focus();
                save.setEnabled(true);
            } else {
                removeAll();
                showLinkDoesNotWork();
            }
        }
    }

    private void showLinkDoesNotWork() {
        Paragraph why = new Paragraph(resets.linkDoesNotWorkMessage());
        why.setId("link-does-not-work");
        Anchor again = new Anchor("forgot-password", "Ask for a new link");
        again.setId("ask-again");
        add(new H1("Compassion Course"), new H2("This link does not work"), why,
                new Paragraph(again), new Paragraph(new Anchor("login", "Back to log in")));
    }
}

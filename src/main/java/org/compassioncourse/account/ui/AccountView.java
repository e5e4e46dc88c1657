package org.compassioncourse.account.ui;

import org.compassioncourse.security.ui.SessionLogin;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.compassioncourse.account.AccountChangeException;
import org.compassioncourse.account.AccountService;
import org.compassioncourse.account.AccountSettings;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.account.PasswordPolicy;

/** The signed-in user's own account: change the display name, change the password (current one required). */
@Route("account")
@PageTitle("Your account · Compassion Course")
@Menu(order = 9, title = "Account", icon = "vaadin:user")
@PermitAll
public class AccountView extends Main {

    final TextField displayName = new TextField("Your name");
    final Button saveName = new Button("Save name");
    final Paragraph nameStatus = status("name-status");

    final PasswordField currentPassword = new PasswordField("Current password");
    final PasswordField newPassword = new PasswordField("New password");
    final Button changePassword = new Button("Change password");
    final Paragraph passwordStatus = status("password-status");

    private final AccountSettings settings;
    private final SessionLogin sessionLogin;

    public AccountView(AccountSettings settings, SessionLogin sessionLogin) {
        this.settings = settings;
        this.sessionLogin = sessionLogin;
        addClassName("page");
        AccountSettings.Profile profile = settings.myProfile();

        Paragraph email = new Paragraph("You log in with " + profile.email() + ".");
        email.setId("account-email");

        displayName.setId("display-name");
        displayName.setValue(profile.displayName());
        displayName.setRequiredIndicatorVisible(true);
        displayName.setMaxLength(AccountService.MAX_DISPLAY_NAME);
        displayName.setHelperText("Shown to your instructor.");
        displayName.setAutocomplete(Autocomplete.NAME);
        saveName.setId("save-name");
        saveName.addClickListener(click -> saveName());
        FormLayout nameForm = form(displayName, saveName);
        // Enter in the field saves it, as in any form; each form has its own Enter
        displayName.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, press -> saveName());

        currentPassword.setId("current-password");
        currentPassword.setRequiredIndicatorVisible(true);
        currentPassword.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        newPassword.setId("new-password");
        newPassword.setRequiredIndicatorVisible(true);
        newPassword.setMaxLength(PasswordPolicy.MAX_LENGTH);
        newPassword.setHelperText("At least " + PasswordPolicy.MIN_LENGTH
                + " characters. A few unrelated words work well; common passwords are refused.");
        newPassword.setAutocomplete(Autocomplete.NEW_PASSWORD);
        changePassword.setId("change-password");
        changePassword.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        changePassword.addClickListener(click -> changePassword());
        newPassword.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, press -> changePassword());
        FormLayout passwordForm = form(currentPassword, newPassword, changePassword);

        Section name = new Section(new H2("Your name"), nameForm, nameStatus);
        Section password = new Section(new H2("Your password"),
                new Paragraph("Changing your password logs your account out on your other devices; you stay logged in here."),
                passwordForm, passwordStatus);
        add(new H1("Your account"), email, name, password);
    }

    private void saveName() {
        displayName.setInvalid(false);
        nameStatus.setText("");
        try {
            CurrentUser updated = settings.changeDisplayName(displayName.getValue());
            sessionLogin.refresh(updated);
            displayName.setValue(updated.displayName());
            nameStatus.setText("Your name is now \"" + updated.displayName() + "\". The header shows it from the next page you load.");
        } catch (AccountChangeException refused) {
            showError(displayName, refused.getMessage());
        }
    }

    private void changePassword() {
        currentPassword.setInvalid(false);
        newPassword.setInvalid(false);
        passwordStatus.setText("");
        if (currentPassword.getValue().isEmpty()) {
            showError(currentPassword, "Enter your current password.");
            return;
        }
        try {
            CurrentUser updated = settings.changePassword(currentPassword.getValue(), newPassword.getValue());
            sessionLogin.refresh(updated);
            currentPassword.clear();
            newPassword.clear();
            passwordStatus.setText("Your password has been changed. Your other sessions have been logged out; this one stays logged in.");
        } catch (AccountChangeException refused) {
            switch (refused.field()) {
                case CURRENT_PASSWORD -> showError(currentPassword, refused.getMessage());
                case NEW_PASSWORD -> showError(newPassword, refused.getMessage());
                case DISPLAY_NAME -> showError(displayName, refused.getMessage());
            }
        }
    }

    private static FormLayout form(com.vaadin.flow.component.Component... fields) {
        FormLayout form = new FormLayout(fields);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.addClassName("auth-form");
        return form;
    }

    /** A message read out by screen readers when its text changes. */
    private static Paragraph status(String id) {
        Paragraph status = new Paragraph();
        status.setId(id);
        status.getElement().setAttribute("role", "status");
        return status;
    }

    private static void showError(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        if (field instanceof Focusable<?> focusable) {
            focusable.focus();
        }
    }
}

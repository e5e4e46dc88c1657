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
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.compassioncourse.account.AccountService;
import org.compassioncourse.account.PasswordResets;

/** "Forgot password?": asks for the email and answers alike whether or not it has an account. */
@Route(value = "forgot-password", autoLayout = false)
@PageTitle("Reset your password · Compassion Course")
@AnonymousAllowed
public class ForgotPasswordView extends Main {

    final EmailField email = new EmailField("Email");
    final Button send = new Button("Send reset link");
    /** The answer, read out by screen readers when it appears. */
    final Paragraph answer = new Paragraph();

    private final PasswordResets resets;

    public ForgotPasswordView(PasswordResets resets) {
        this.resets = resets;
        addClassName("auth-page");

        Paragraph intro = new Paragraph(resets.ssoOnlyNotice()
                .orElse("Enter the email you log in with. We will send you a link for choosing a new password."));
        intro.addClassName("auth-intro");

        email.setId("email");
        email.setRequiredIndicatorVisible(true);
        email.setMaxLength(AccountService.MAX_EMAIL);
        email.setAutocomplete(Autocomplete.EMAIL);

        send.setId("send-reset-link");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        send.addClickListener(click -> request());
        send.addClickShortcut(Key.ENTER);

        answer.setId("reset-answer");
        answer.getElement().setAttribute("role", "status");
        answer.setVisible(false);

        FormLayout form = new FormLayout(email, send);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.addClassName("auth-form");

        add(new H1("Compassion Course"), new H2("Reset your password"), intro, form, answer,
                new Paragraph(new Anchor("login", "Back to log in")));
        email.focus();
    }

    private void request() {
        email.setInvalid(false);
        send.setEnabled(true);
        if (email.getValue().isBlank()) {
            email.setErrorMessage("Enter your email address.");
            email.setInvalid(true);
            email.focus();
            return;
        }
        PasswordResets.Request outcome = resets.requestLink(email.getValue(), VaadinRequest.getCurrent().getRemoteAddr());
        answer.setText(switch (outcome) {
            case ANSWERED -> resets.linkSentMessage();
            case TOO_MANY_FROM_NETWORK -> PasswordResets.TOO_MANY_FROM_NETWORK;
        });
        answer.setVisible(true);
    }
}

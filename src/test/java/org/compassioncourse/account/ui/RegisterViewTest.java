package org.compassioncourse.account.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.server.VaadinRequest;
import org.compassioncourse.account.AccountService;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.TestThrottle;
import org.compassioncourse.security.ThrottleProperties;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.test.context.support.WithAnonymousUser;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
@WithAnonymousUser
class RegisterViewTest extends SpringBrowserlessTest {

    @Autowired
    AccountService accountService;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Test
    void newLearnerWhoRegistersIsLoggedInAsALearner() {
        String email = "reg-" + UUID.randomUUID() + "@ward7.example";
        long before = accountService.countAccounts();
        RegisterView view = navigate(RegisterView.class);

        test(view.displayName).setValue("Rosa Carer");
        test(view.email).setValue(email);
        test(view.password).setValue("calm-harbour-lantern");
        test(view.create).click();

        assertThat(accountService.countAccounts()).isEqualTo(before + 1);
        Object principal = securityContexts.getContext().getAuthentication().getPrincipal();
        assertThat(principal).isInstanceOfSatisfying(CurrentUser.class, user -> {
            assertThat(user.getUsername()).isEqualTo(email);
            assertThat(user.displayName()).isEqualTo("Rosa Carer");
            assertThat(user.isInstructor()).isFalse();
        });
    }

    @Test
    void commonPasswordIsExplainedOnThePasswordFieldAndTheFormKeepsWhatWasTyped() {
        long before = accountService.countAccounts();
        RegisterView view = navigate(RegisterView.class);

        test(view.displayName).setValue("Sam Porter");
        test(view.email).setValue("sam-" + UUID.randomUUID() + "@ward7.example");
        test(view.password).setValue("password1");
        test(view.create).click();

        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).contains("commonly used");
        assertThat(view.displayName.getValue()).isEqualTo("Sam Porter");
        assertThat(view.create.isEnabled()).as("button usable again after a refused attempt").isTrue();
        assertThat(accountService.countAccounts()).isEqualTo(before);
    }

    @Test
    void malformedEmailIsExplainedOnTheEmailField() {
        RegisterView view = navigate(RegisterView.class);

        test(view.displayName).setValue("Sam Porter");
        test(view.email).setValue("sam.at.ward7");
        test(view.password).setValue("calm-harbour-lantern");
        test(view.create).click();

        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).contains("valid email address");
        assertThat(view.password.isInvalid()).isFalse();
    }

    @Test
    void anEmptyFormNamesEveryMissingFieldAtOnceAndCreatesNothing() {
        long before = accountService.countAccounts();
        RegisterView view = navigate(RegisterView.class);

        test(view.create).click();

        assertThat(view.displayName.getErrorMessage()).isEqualTo("Enter the name other people in the course will see.");
        assertThat(view.email.getErrorMessage()).isEqualTo("Enter your email address.");
        assertThat(view.password.getErrorMessage()).isEqualTo("Enter a password.");
        assertThat(view.displayName.isInvalid() && view.email.isInvalid() && view.password.isInvalid()).isTrue();
        assertThat(view.create.isEnabled()).isTrue();
        assertThat(accountService.countAccounts()).isEqualTo(before);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ThrottleProperties limits;

    @Test
    void aNetworkThatCreatedTooManyAccountsThisHourIsToldToTryLaterAndNothingIsCreated() {
        RegisterView view = navigate(RegisterView.class);
        String address = VaadinRequest.getCurrent().getRemoteAddr();
        TestThrottle.registrationsFrom(jdbc, address, limits.registrationsPerAddress());
        try {
            long before = accountService.countAccounts();
            test(view.displayName).setValue("Sam Porter");
            test(view.email).setValue("sam-" + UUID.randomUUID() + "@ward7.example");
            test(view.password).setValue("calm-harbour-lantern");
            test(view.create).click();

            assertThat(view.email.isInvalid()).isTrue();
            assertThat(view.email.getErrorMessage()).isEqualTo("Too many new accounts from this network; try again later.");
            assertThat(view.create.isEnabled()).isTrue();
            assertThat(accountService.countAccounts()).isEqualTo(before);
        } finally {
            TestThrottle.forgetRegistrationsFrom(jdbc, address);
        }
    }
}

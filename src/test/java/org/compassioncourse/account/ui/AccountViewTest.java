package org.compassioncourse.account.ui;

import org.compassioncourse.security.ui.LoginView;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.compassioncourse.account.AccountSessions;
import org.compassioncourse.account.AccountSettings;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.account.TestAccounts;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithAnonymousUser;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The account page: a user changes their own name and password; a password change ends their other sessions. */
@ApplicationTest
class AccountViewTest extends SpringBrowserlessTest {

    /** WithCourseUser's password for the accounts it registers. */
    private static final String CURRENT = "violet tram ladder spoon";
    private static final String NEW = "amber-otter-kettle-rain";

    @Autowired
    SecurityContextHolderStrategy securityContexts;
    @Autowired
    AccountSessions sessions;
    @Autowired
    AccountSettings settings;
    @Autowired
    UserDetailsService users;
    @Autowired
    PasswordEncoder passwordEncoder;

    private CurrentUser signedIn() {
        return (CurrentUser) securityContexts.getContext().getAuthentication().getPrincipal();
    }

    @Test
    @WithCourseUser(email = "account.password@ward7.example")
    void changingThePasswordKeepsThisSessionButEndsTheOthers() throws Exception {
        CurrentUser otherDevice = TestAccounts.signedInEarlier(signedIn(), Duration.ofSeconds(1));
        AccountView page = navigate(AccountView.class);

        test(page.currentPassword).setValue(CURRENT);
        test(page.newPassword).setValue(NEW);
        test(page.changePassword).click();

        assertThat(page.passwordStatus.getText()).startsWith("Your password has been changed.");
        assertThat(page.currentPassword.getValue()).isEmpty();
        assertThat(passwordEncoder.matches(NEW, users.loadUserByUsername("account.password@ward7.example").getPassword())).isTrue();
        assertThat(sessions.isStillValid(otherDevice)).as("a session that began before the change").isFalse();
        assertThat(sessions.isStillValid(signedIn())).as("this session, re-signed").isTrue();
    }

    @Test
    @WithCourseUser(email = "account.wrong@ward7.example")
    void aWrongCurrentPasswordIsRefusedOnItsFieldAndChangesNothing() {
        CurrentUser before = signedIn();
        AccountView page = navigate(AccountView.class);

        test(page.currentPassword).setValue("not my password at all");
        test(page.newPassword).setValue(NEW);
        test(page.changePassword).click();

        assertThat(page.currentPassword.isInvalid()).isTrue();
        assertThat(page.currentPassword.getErrorMessage()).isEqualTo("That is not your current password. Passwords are case-sensitive.");
        assertThat(page.passwordStatus.getText()).isEmpty();
        assertThat(passwordEncoder.matches(CURRENT, users.loadUserByUsername("account.wrong@ward7.example").getPassword())).isTrue();
        assertThat(sessions.isStillValid(before)).isTrue();
    }

    @Test
    @WithCourseUser(email = "account.weak@ward7.example")
    void aNewPasswordThePolicyRefusesIsExplainedOnTheNewPasswordField() {
        AccountView page = navigate(AccountView.class);

        test(page.currentPassword).setValue(CURRENT);
        test(page.newPassword).setValue("password1");
        test(page.changePassword).click();

        assertThat(page.newPassword.isInvalid()).isTrue();
        assertThat(page.newPassword.getErrorMessage()).contains("commonly used");
        assertThat(page.currentPassword.isInvalid()).isFalse();
    }

    @Test
    @WithCourseUser(email = "account.name@ward7.example", displayName = "Old Name")
    void aNewDisplayNameIsSavedAndShownForThisSession() {
        AccountView page = navigate(AccountView.class);
        assertThat(page.displayName.getValue()).isEqualTo("Old Name");
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).withId("account-email").single().getText())
                .isEqualTo("You log in with account.name@ward7.example.");

        test(page.displayName).setValue("  Nadia New  ");
        test(page.saveName).click();

        assertThat(page.nameStatus.getText()).startsWith("Your name is now \"Nadia New\".");
        assertThat(settings.myProfile().displayName()).isEqualTo("Nadia New");
        assertThat(signedIn().displayName()).isEqualTo("Nadia New");
        assertThat(sessions.isStillValid(signedIn())).isTrue();

        test(page.displayName).setValue("   ");
        test(page.saveName).click();
        assertThat(page.displayName.isInvalid()).isTrue();
        assertThat(settings.myProfile().displayName()).isEqualTo("Nadia New");
    }

    @Test
    @WithCourseUser(email = "account.menu@ward7.example")
    void theMenuHasAnAccountEntry() {
        navigate(AccountView.class);
        assertThat($(com.vaadin.flow.component.sidenav.SideNav.class).single().getItems())
                .extracting(com.vaadin.flow.component.sidenav.SideNavItem::getLabel).contains("Account");
    }

    @Test
    @WithAnonymousUser
    void aVisitorCannotOpenTheAccountPageNorUseItsService() {
        navigate("account", LoginView.class);
        assertThat($(AccountView.class).all()).isEmpty();
        assertThatThrownBy(() -> settings.changePassword(CURRENT, NEW)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> settings.myProfile()).isInstanceOf(AccessDeniedException.class);
    }
}

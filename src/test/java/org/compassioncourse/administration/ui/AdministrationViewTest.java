package org.compassioncourse.administration.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.compassioncourse.account.AccountSetup;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.security.ui.LoginView;
import org.compassioncourse.base.ui.AccessDeniedView;
import org.compassioncourse.lesson.ui.CourseView;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithAnonymousUser;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The administration pages and the setup page, for each kind of visitor. */
@ApplicationTest
class AdministrationViewTest extends SpringBrowserlessTest {

    private static final String ADMIN = "admin.under.test@ward7.example";

    @Autowired
    Learners people;
    @Autowired
    AccountSetup setup;
    @Autowired
    JdbcTemplate jdbc;

    private List<String> menuLabels() {
        return $(SideNav.class).single().getItems().stream().map(SideNavItem::getLabel).toList();
    }

    private Button action(AccountsView view, String text) {
        FlexLayout actions = (FlexLayout) test(view.grid).getCellComponent(0, "actions");
        return actions.getChildren().filter(c -> c instanceof Button b && b.getText().equals(text)).map(Button.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no button " + text));
    }

    private boolean active(long accountId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select active from user_account where id = ?", Boolean.class, accountId));
    }

    @Test
    @WithCourseUser(email = ADMIN, displayName = "Ada Admin", administrator = true)
    void administratorSeesTheAdministrationMenuAndFindsAnAccountBySearch() {
        navigate(CourseView.class);
        assertThat(menuLabels()).containsExactly("Course", "Glossary", "Review", "My progress", "My record", "Administration", "Compliance", "Account");
        CurrentUser learner = people.learner("Gwen Gridrow");

        AccountsView view = navigate(AccountsView.class);
        test(view.search).setValue(learner.getUsername().toUpperCase());

        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 0)).isEqualTo("Gwen Gridrow");
        assertThat(test(view.grid).getCellText(0, 2)).isEqualTo("Learner");
        assertThat(test(view.grid).isColumnSortable("NAME")).isTrue();
    }

    @Test
    @WithCourseUser(email = ADMIN, displayName = "Ada Admin", administrator = true)
    void administratorDeactivatesAndReactivatesFromTheList() {
        CurrentUser learner = people.learner("Dan Deactivate");
        AccountsView view = navigate(AccountsView.class);
        test(view.search).setValue(learner.getUsername());

        test(action(view, "Deactivate")).click();

        assertThat(active(learner.accountId())).isFalse();
        assertThat(view.message.getText()).contains("Dan Deactivate is deactivated");
        assertThat(test(view.grid).getCellText(0, 3)).isEqualTo("Deactivated");
        test(action(view, "Reactivate")).click();
        assertThat(active(learner.accountId())).isTrue();
    }

    @Test
    @WithCourseUser(email = ADMIN, displayName = "Ada Admin", administrator = true)
    void administratorErasesALearnerAfterConfirming() {
        CurrentUser learner = people.learner("Eli Erase");
        AccountsView view = navigate(AccountsView.class);
        test(view.search).setValue(learner.getUsername());

        test(action(view, "Erase…")).click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(jdbc.queryForObject("select display_name from user_account where id = ?", String.class, learner.accountId()))
                .isEqualTo("Former learner #" + learner.accountId());
        assertThat(view.message.getText()).contains("is erased");
    }

    @Test
    @WithCourseUser(email = ADMIN, displayName = "Ada Admin", administrator = true)
    void administratorChangesARoleInTheDialog() {
        CurrentUser learner = people.learner("Rob Role");
        AccountsView view = navigate(AccountsView.class);
        test(view.search).setValue(learner.getUsername());

        test(action(view, "Change role…")).click();
        AccountsView.RoleDialog dialog = $(AccountsView.RoleDialog.class).single();
        test(dialog.role).selectItem("Instructor (cohorts and reports)");
        test(dialog.save).click();

        assertThat(jdbc.queryForObject("select role from user_account where id = ?", String.class, learner.accountId())).isEqualTo("INSTRUCTOR");
        assertThat(test(view.grid).getCellText(0, 2)).isEqualTo("Instructor");
    }

    @Test
    @WithCourseUser(email = ADMIN, displayName = "Ada Admin", administrator = true)
    void invitedInstructorUsesTheShownLinkToSetUpTheAccount() {
        String email = "invitee-" + UUID.randomUUID() + "@ward7.example";
        AccountsView view = navigate(AccountsView.class);
        test(view.inviteEmail).setValue(email);
        test(view.invite).click();

        assertThat(view.inviteLink.isVisible()).isTrue();
        assertThat(view.copyInviteLink.isVisible()).as("the link has a Copy button, as join links do").isTrue();
        assertThat(view.copyInviteLink.getText()).isEqualTo("Copy link");
        String url = view.inviteLink.getValue();
        assertThat(url).contains("/setup/");
        String token = url.substring(url.lastIndexOf('/') + 1);

        AccountSetupView setupView = navigate("setup/" + token, AccountSetupView.class);
        test(setupView.displayName).setValue("Ivy Invitee");
        test(setupView.password).setValue("amber-kettle-orchard");
        test(setupView.save).click();

        assertThat(setupView.outcome.getText()).contains("Your password is set");
        assertThat(setup.invitation(token)).isEmpty();
        assertThat(jdbc.queryForObject("select display_name from user_account where email = ?", String.class, email)).isEqualTo("Ivy Invitee");
    }

    @Test
    @WithCourseUser(email = ADMIN, displayName = "Ada Admin", administrator = true)
    void theAdministrationPageTellsTheHelpdeskWhatADeactivatedPersonSees() {
        navigate(AccountsView.class);
        assertThat($(Paragraph.class).withId("deactivated-note").single().getText())
                .contains("deactivated", "\"Incorrect email or password\"", "same answer as a wrong password");
    }

    @Test
    @WithCourseUser(email = ADMIN, displayName = "Ada Admin", administrator = true)
    void theAuditLogShowsTimesInADetailAsReadableLocalTimesNotIsoStrings() {
        test(navigate(AccountsView.class).inviteEmail).setValue("audit-time-" + UUID.randomUUID() + "@ward7.example");
        test($(AccountsView.class).single().invite).click();
        AuditLogView view = navigate(AuditLogView.class);
        assertThat(test(view.grid).getCellText(0, 2)).isEqualTo("Instructor invited");
        assertThat(test(view.grid).getCellText(0, 4)).startsWith("link valid until ")
                .matches("link valid until \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} \\w+");
        assertThat(AuditLogView.readableTimes("revoked 2026-05-06T09:00:00.123456Z for: x")).isEqualTo("revoked 6 May 2026, 09:00 UTC for: x");
    }

    @Test
    @WithCourseUser(email = ADMIN, displayName = "Ada Admin", administrator = true)
    void administratorReadsTheAuditLog() {
        CurrentUser learner = people.learner("Audrey Audited");
        AccountsView accounts = navigate(AccountsView.class);
        test(accounts.search).setValue(learner.getUsername());
        test(action(accounts, "Deactivate")).click();

        AuditLogView view = navigate(AuditLogView.class);

        assertThat(test(view.grid).getCellText(0, 1)).startsWith("Ada Admin (#");
        assertThat(test(view.grid).getCellText(0, 2)).isEqualTo("Account deactivated");
        assertThat(test(view.grid).getCellText(0, 3)).contains("Audrey Audited");
    }

    @Test
    @WithCourseUser
    void learnerIsDeniedBothAdministrationPagesAndHasNoMenuEntry() {
        navigate(CourseView.class);
        assertThat(menuLabels()).doesNotContain("Administration");
        navigate(AccountsView.ROUTE, AccessDeniedView.class);
        assertThat($(AccountsView.class).all()).isEmpty();
        navigate(AuditLogView.ROUTE, AccessDeniedView.class);
        assertThat($(AuditLogView.class).all()).isEmpty();
    }

    @Test
    @WithCourseUser(email = "instructor.under.test@ward7.example", displayName = "Ivy Instructor", role = Role.INSTRUCTOR)
    void instructorIsDeniedBothAdministrationPagesAndHasNoMenuEntry() {
        navigate(CourseView.class);
        assertThat(menuLabels()).doesNotContain("Administration");
        navigate(AccountsView.ROUTE, AccessDeniedView.class);
        navigate(AuditLogView.ROUTE, AccessDeniedView.class);
        assertThat($(AuditLogView.class).all()).isEmpty();
    }

    @Test
    @WithAnonymousUser
    void visitorIsSentToLoginFromAdministrationButMayOpenASetupLink() {
        navigate(AccountsView.ROUTE, LoginView.class);
        navigate(AuditLogView.ROUTE, LoginView.class);
        AccountSetupView view = navigate("setup/not-a-real-token", AccountSetupView.class);
        assertThat(view.outcome.getText()).isEqualTo(AccountSetup.LINK_NOT_USABLE);
    }
}

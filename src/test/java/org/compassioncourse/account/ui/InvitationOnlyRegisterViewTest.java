package org.compassioncourse.account.ui;

import org.compassioncourse.security.ui.LoginView;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.server.VaadinServletRequest;
import org.compassioncourse.account.AccountService;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.account.RegistrationForm;
import org.compassioncourse.account.RegistrationPolicy;
import org.compassioncourse.account.TestAccounts;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.test.context.TestPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** With registration by invitation only, the register page says so, and a visitor who came by a join link may register. */
@ApplicationTest
@TestPropertySource(properties = "course.registration.mode=invitation-only")
@WithAnonymousUser
class InvitationOnlyRegisterViewTest extends SpringBrowserlessTest {

    @Autowired
    AccountService accountService;
    @Autowired
    CohortService cohorts;

    @Test
    void aVisitorWithoutAnInvitationIsToldRegistrationIsByInvitationAndGetsNoForm() {
        RegisterView view = navigate(RegisterView.class);

        assertThat(view.byInvitation.isVisible()).isTrue();
        assertThat(view.byInvitation.getText()).startsWith("Registration is by invitation only. Open the join link");
        assertThat(view.create.isVisible() && view.create.getParent().orElseThrow().isVisible()).isFalse();
    }

    @Test
    void theLoginPageOffersNoDeadEndCreateAnAccountLinkButSaysHowToGetAnInvitation() {
        navigate(LoginView.class);
        assertThat($(com.vaadin.flow.component.html.Anchor.class).withId("register-link").exists()).isFalse();
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).withId("login-register").single().getText()).contains("by invitation", "join link");

        MockHttpServletRequest joinLink = new MockHttpServletRequest("GET", "/join/" + instructorsCohort());
        VaadinServletRequest.getCurrent().getHttpServletRequest().getSession()
                .setAttribute("SPRING_SECURITY_SAVED_REQUEST", new DefaultSavedRequest(joinLink));
        navigate(LoginView.class);
        assertThat($(com.vaadin.flow.component.html.Anchor.class).withId("register-link").single().getText())
                .as("with a join link, registering works").isEqualTo("Create an account");
    }

    @Test
    void aVisitorWhoOpenedACohortJoinLinkMayRegister() {
        String code = instructorsCohort();
        // what Spring Security keeps when a visitor without an account opens /join/<code> and is sent to log in
        MockHttpServletRequest joinLink = new MockHttpServletRequest("GET", "/join/" + code);
        VaadinServletRequest.getCurrent().getHttpServletRequest().getSession()
                .setAttribute("SPRING_SECURITY_SAVED_REQUEST", new DefaultSavedRequest(joinLink));
        long before = accountService.countAccounts();

        RegisterView view = navigate(RegisterView.class);
        assertThat(view.byInvitation.isVisible()).isFalse();
        test(view.displayName).setValue("Ines Invited");
        test(view.email).setValue("invited-" + UUID.randomUUID() + "@ward7.example");
        test(view.password).setValue("calm-harbour-lantern");
        test(view.create).click();

        assertThat(view.email.isInvalid()).as(view.email.getErrorMessage()).isFalse();
        assertThat(accountService.countAccounts()).isEqualTo(before + 1);
    }

    @Test
    void theJoinCodeIsTakenOnlyFromAJoinLink() {
        assertThat(RegisterView.joinCodeIn("./join/ABCD2345")).isEqualTo("ABCD2345");
        assertThat(RegisterView.joinCodeIn("./join/ABCD2345?x=1")).isEqualTo("ABCD2345");
        assertThat(RegisterView.joinCodeIn("./progress")).isNull();
        assertThat(RegisterView.joinCodeIn("./join/")).isNull();
    }

    private String instructorsCohort() {
        var visitor = SecurityContextHolder.getContext().getAuthentication();
        CurrentUser teacher = TestAccounts.instructor(accountService,
                new RegistrationForm("Tess Teacher", UUID.randomUUID() + "@ward7.example", "steady-maple-compass"));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(teacher, null, teacher.getAuthorities()));
        try {
            return cohorts.createCohort("Invitation ward " + UUID.randomUUID()).joinCode();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(visitor);
        }
    }
}

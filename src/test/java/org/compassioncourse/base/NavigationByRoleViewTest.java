package org.compassioncourse.base;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.compassioncourse.security.Role;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.security.ui.LoginView;
import org.compassioncourse.base.ui.AccessDeniedView;
import org.compassioncourse.lesson.ui.CourseView;
import org.compassioncourse.instructor.ui.InstructorView;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class NavigationByRoleViewTest extends SpringBrowserlessTest {

    private List<String> menuLabels() {
        return $(SideNav.class).single().getItems().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    @WithCourseUser
    void learnerSeesCourseAndMyProgressButNoInstructorMenu() {
        navigate(CourseView.class);
        assertThat(menuLabels()).containsExactly("Course", "Glossary", "Review", "My progress", "My record", "Account");
    }

    @Test
    @WithCourseUser(email = "instructor.under.test@ward7.example", displayName = "Ivy Instructor", role = Role.INSTRUCTOR)
    void instructorAlsoSeesTheInstructorMenuAndCanOpenIt() {
        navigate(CourseView.class);
        assertThat(menuLabels()).containsExactly("Course", "Glossary", "Review", "My progress", "My record", "Instructor", "Account");
        navigate(InstructorView.class);
        assertThat(getCurrentView()).isInstanceOf(InstructorView.class);
    }

    @Test
    @WithCourseUser(email = "instructor.admin.under.test@ward7.example", displayName = "Ira Both", role = Role.INSTRUCTOR,
            administrator = true)
    void instructorWhoIsAlsoAnAdministratorSeesBothMenus() {
        navigate(CourseView.class);
        assertThat(menuLabels()).containsExactly("Course", "Glossary", "Review", "My progress", "My record", "Instructor", "Administration", "Compliance", "Account");
    }

    @Test
    @WithCourseUser
    void learnerWhoTypesAnInstructorUrlIsDeniedAndNotShownThePage() {
        navigate("instructor", AccessDeniedView.class);
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
        assertThat($(InstructorView.class).all()).isEmpty();
    }

    @Test
    @WithCourseUser
    void learnerWhoTypesACohortOrLearnerReviewUrlIsDenied() {
        navigate("instructor/cohort/1", AccessDeniedView.class);
        assertThat($(org.compassioncourse.instructor.ui.CohortView.class).all()).isEmpty();
        navigate("instructor/cohort/1/learner/1", AccessDeniedView.class);
        assertThat($(org.compassioncourse.instructor.ui.LearnerView.class).all()).isEmpty();
    }

    @Test
    @WithAnonymousUser
    void visitorWhoIsNotLoggedInIsSentToTheLoginPage() {
        navigate("", LoginView.class);
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }
}

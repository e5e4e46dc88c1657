package org.compassioncourse.instructor.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.compassioncourse.account.Role;

/** The instructor's overview of their learners. */
@Route("instructor")
@PageTitle("Instructor · Compassion Course")
@Menu(order = 4, title = "Instructor", icon = "vaadin:academy-cap")
@RolesAllowed(Role.INSTRUCTOR_NAME)
public class InstructorView extends Main {

    public InstructorView() {
        addClassName("page");
        setId("instructor-dashboard");
        add(new H1("Instructor"), new Paragraph("Cohorts, learner review and item analysis are coming soon."));
    }
}

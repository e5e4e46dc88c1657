package org.compassioncourse.course.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The course outline: the learner's starting point after login. */
@Route("")
@PageTitle("Course · Compassion Course")
@Menu(order = 1, title = "Course", icon = "vaadin:book")
@PermitAll
public class CourseView extends Main {

    public CourseView() {
        addClassName("page");
        add(new H1("Neuroscience and Compassion"),
                new Paragraph("Lessons are coming soon."));
    }
}

package org.compassioncourse.progress.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The learner's own progress through the course. */
@Route("progress")
@PageTitle("My progress · Compassion Course")
@Menu(order = 2, title = "My progress", icon = "vaadin:chart-line")
@PermitAll
public class MyProgressView extends Main {

    public MyProgressView() {
        addClassName("page");
        add(new H1("My progress"), new Paragraph("Progress tracking is coming soon."));
    }
}

package org.compassioncourse.instructor.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.compassioncourse.account.Role;
import org.compassioncourse.cohort.CohortException;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;

/** The instructor's page: their cohorts and the codes learners join them with. */
@Route("instructor")
@PageTitle("Instructor · Compassion Course")
@Menu(order = 4, title = "Instructor", icon = "vaadin:academy-cap")
@RolesAllowed(Role.INSTRUCTOR_NAME)
public class InstructorView extends Main {

    private final CohortService cohortService;
    final TextField name = new TextField("New cohort name");
    final Button create = new Button("Create cohort");
    private final UnorderedList list = new UnorderedList();

    public InstructorView(CohortService cohortService) {
        this.cohortService = cohortService;
        addClassName("page");
        setId("instructor-dashboard");

        name.setId("cohort-name");
        name.setPlaceholder("e.g. Ward 7 nurses, spring");
        name.setMaxLength(CohortService.MAX_NAME);
        name.setHelperText("Learners join with the code or the link the cohort gets.");
        create.setId("create-cohort");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setDisableOnClick(true);
        create.addClickListener(click -> createCohort());
        create.addClickShortcut(Key.ENTER);
        FlexLayout form = new FlexLayout(name, create);
        form.addClassName("inline-form");

        list.setId("cohort-list");
        add(new H1("Instructor"), new H2("Your cohorts"), form, list,
                new Paragraph("Open a cohort to review its learners. Item analysis, charts and exports are coming soon."));
        refresh();
    }

    private void createCohort() {
        try {
            CohortSummary cohort = cohortService.createCohort(name.getValue());
            name.clear();
            name.setInvalid(false);
            refresh();
            name.setHelperText("Created \"" + cohort.name() + "\". Its join code is " + cohort.joinCode() + ".");
        } catch (CohortException refused) {
            name.setErrorMessage(refused.getMessage());
            name.setInvalid(true);
        }
        create.setEnabled(true);
    }

    private void refresh() {
        list.removeAll();
        var cohorts = cohortService.myCohorts();
        if (cohorts.isEmpty()) {
            list.add(new ListItem("No cohorts yet. Create one and give its code to your learners."));
        }
        for (CohortSummary cohort : cohorts) {
            Span code = new Span(cohort.joinCode());
            code.addClassName("join-code");
            Anchor open = new Anchor("instructor/cohort/" + cohort.id(), cohort.name());
            ListItem item = new ListItem(open, new Span(" — join code "), code, new Span(" or "),
                    new org.compassioncourse.cohort.ui.JoinLink(cohort.name(), cohort.joinCode()),
                    new Span(" — " + cohort.members() + (cohort.members() == 1 ? " learner" : " learners")));
            item.setId("cohort-" + cohort.id());
            list.add(item);
        }
    }
}

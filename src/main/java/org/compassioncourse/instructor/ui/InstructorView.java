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
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.compassioncourse.security.Role;
import org.compassioncourse.cohort.CohortException;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.cohort.ui.JoinLink;
import org.compassioncourse.instructor.SyntheticCohortGenerator;
import org.compassioncourse.base.ui.UserTime;
import org.springframework.beans.factory.ObjectProvider;


/** The instructor's page: their cohorts and the codes learners join them with. */
@Route("instructor")
@PageTitle("Instructor · Compassion Course")
@Menu(order = 4, title = "Instructor", icon = "vaadin:academy-cap")
@RolesAllowed(Role.INSTRUCTOR_NAME)
public class InstructorView extends Main {

    private static final String NAME_HELP = "Learners join with the code or the link the cohort gets.";

    private final CohortService cohortService;
    final TextField name = new TextField("New cohort name");
    final Button create = new Button("Create cohort");
    private final UnorderedList list = new UnorderedList();
    /** Says what was just created, where it is seen and read out (a helper text under the field was easy to miss). */
    final Paragraph created = new Paragraph();

    final IntegerField syntheticLearners = new IntegerField("Synthetic learners");
    final Button addSynthetic = new Button("Add synthetic cohort");

    public InstructorView(CohortService cohortService, ObjectProvider<SyntheticCohortGenerator> synthetic) {
        this.cohortService = cohortService;
        addClassName("page");
        setId("instructor-dashboard");

        name.setId("cohort-name");
        name.setPlaceholder("e.g. Ward 7 nurses, spring");
        name.setMaxLength(CohortService.MAX_NAME);
        name.setHelperText(NAME_HELP);
        create.setId("create-cohort");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setDisableOnClick(true);
        create.addClickListener(click -> createCohort());
        create.addClickShortcut(Key.ENTER).listenOn(name);
        FlexLayout form = new FlexLayout(name, create);
        form.addClassName("inline-form");

        list.setId("cohort-list");
        created.setId("cohort-created");
        created.addClassName("success-note");
        created.getElement().setAttribute("role", "status");
        created.setVisible(false);
        add(new H1("Instructor"), new H2("Your cohorts"), form, created, list,
                new Paragraph("Open a cohort to see each learner's progress and answers, charts, item analysis of the "
                        + "pre-test and final assessment, and the gradebook and learning-record exports."));
        Anchor questionBank = new Anchor("question-bank", "Download the question bank for Moodle (GIFT)");
        questionBank.setId("question-bank-link");
        add(new Paragraph(questionBank));
        // the generator exists only outside the prod profile: demo and test servers
        synthetic.ifAvailable(generator -> add(syntheticCohortSection(generator)));
        refresh();
    }

    private Details syntheticCohortSection(SyntheticCohortGenerator generator) {
        syntheticLearners.setId("synthetic-learners");
        syntheticLearners.setMin(1);
        syntheticLearners.setMax(SyntheticCohortGenerator.MAX_FROM_PAGE);
        syntheticLearners.setStepButtonsVisible(true);
        syntheticLearners.setManualValidation(true);
        syntheticLearners.setValue(200);
        syntheticLearners.setHelperText("1 to " + SyntheticCohortGenerator.MAX_FROM_PAGE);
        addSynthetic.setId("add-synthetic-cohort");
        addSynthetic.setDisableOnClick(true);
        addSynthetic.addClickShortcut(Key.ENTER).listenOn(syntheticLearners);
        addSynthetic.addClickListener(click -> {
            Integer learners = syntheticLearners.getValue();
            if (learners == null || learners < 1 || learners > SyntheticCohortGenerator.MAX_FROM_PAGE) {
                syntheticLearners.setErrorMessage("Choose between 1 and " + SyntheticCohortGenerator.MAX_FROM_PAGE + " learners.");
                syntheticLearners.setInvalid(true);
            } else {
                syntheticLearners.setInvalid(false);
                String name = cohortService.requireOwnCohort(generator.generateForMe(learners)).name();
                refresh();
                syntheticLearners.setHelperText("Added \"" + name + "\" to your cohorts above.");
            }
            addSynthetic.setEnabled(true);
        });
        FlexLayout form = new FlexLayout(syntheticLearners, addSynthetic);
        form.addClassName("inline-form");
        Details details = new Details("Try the reports on synthetic data", new Paragraph("Adds a cohort of invented "
                + "learners with made-up reading progress and test answers, so you can try the charts, item analysis and "
                + "exports. Its name starts with \"[Synthetic]\"; its learners cannot log in and are not real people. "
                + "Production servers do not offer this."), form);
        details.setId("synthetic-cohorts");
        return details;
    }

    private void createCohort() {
        try {
            CohortSummary cohort = cohortService.createCohort(name.getValue());
            name.clear();
            name.setInvalid(false);
            refresh();
            created.setText("✓ Created \"" + cohort.name() + "\". Give your learners its join code, " + cohort.joinCode()
                    + ", or its join link from the list below.");
            created.setVisible(true);
        } catch (CohortException refused) {
            created.setVisible(false);
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
            ListItem item = SyntheticCohortGenerator.isSynthetic(cohort.joinCode())
                    ? new ListItem(open, new Span(" — invented learners, nobody can join"))
                    : new ListItem(open, new Span(" — join code "), code, new Span(" or "), new JoinLink(cohort.name(), cohort.joinCode()));
            item.add(new Span(" — created " + UserTime.date(cohort.createdAt()) + " — " + cohort.members()
                    + (cohort.members() == 1 ? " learner" : " learners")));
            item.setId("cohort-" + cohort.id());
            list.add(item);
        }
    }
}

package org.compassioncourse.cohort.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.compassioncourse.cohort.CohortException;
import org.compassioncourse.cohort.CohortInvitation;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;

import java.util.Optional;

/**
 * Where a join link an instructor shares leads: "join this cohort?", one button, then what joining means. A
 * visitor who is not logged in is sent to log in (or create an account) first and brought back here. Joining
 * takes a click, not just opening the link, so link previews and prefetching never join anyone.
 */
@Route("join/:code")
@PageTitle("Join a cohort · Compassion Course")
@PermitAll
public class JoinCohortView extends Main implements BeforeEnterObserver {

    private final CohortService cohorts;

    public JoinCohortView(CohortService cohorts) {
        this.cohorts = cohorts;
        addClassNames("page", "join-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String code = event.getRouteParameters().get("code").orElse("");
        Optional<CohortInvitation> found = cohorts.invitation(code);
        if (found.isEmpty()) {
            add(new H1("This join link does not work"),
                    new Paragraph("No cohort has the code \"" + code + "\". It may have been mistyped; ask your instructor for the link or code again."),
                    new Paragraph(new Anchor("progress", "Enter a code under My progress"), new com.vaadin.flow.component.Text(" · "),
                            new Anchor("", "Go to the course")));
            return;
        }
        CohortInvitation invitation = found.get();
        if (invitation.alreadyMember()) {
            joined(invitation.cohortName());
            return;
        }
        if (invitation.ownCohort()) {
            add(new H1("Your cohort \"" + invitation.cohortName() + "\""));
            Paragraph own = new Paragraph("This is your own cohort. This is the page your learners see when they open the "
                    + "link: they join with one click, after being told that you will see their progress and answers.");
            own.setId("own-cohort");
            add(own, new Paragraph(new Anchor("instructor", "Back to your cohorts")));
            return;
        }
        add(new H1("Join \"" + invitation.cohortName() + "\""));
        Paragraph what = new Paragraph(invitation.instructorName() + " runs this cohort. When you join, they can see how far you have got "
                + "in the course and your quiz answers and scores, so they can support you. Other learners see nothing of yours.");
        Button join = new Button("Join cohort");
        join.setId("join-cohort");
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        join.setDisableOnClick(true);
        join.addClickListener(click -> {
            try {
                CohortSummary cohort = cohorts.join(invitation.code());
                removeAll();
                joined(cohort.name());
            } catch (CohortException gone) {
                add(new Paragraph(gone.getMessage()));
                join.setEnabled(true);
            }
        });
        add(what, join, new Paragraph(new Anchor("", "Not now, go to the course")));
        join.focus();
    }

    private void joined(String cohortName) {
        add(new H1("You're in \"" + cohortName + "\""));
        Paragraph done = new Paragraph("Your instructor can now follow your progress in this course.");
        done.setId("joined");
        add(done, new Paragraph(new Anchor("", "Go to the course")));
    }
}

package org.compassioncourse.completion.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import org.compassioncourse.base.ui.UserTime;
import org.compassioncourse.completion.CompletionService;
import org.compassioncourse.completion.CompletionStatus;
import org.compassioncourse.quiz.ScorePercent;

import java.util.Objects;

/**
 * The completion moment, on the course page and the final's result page: the date, the score and what comes next
 * (the evaluation, then the certificate). Shows nothing until the course is completed.
 */
public final class CompletionBlock extends Section {

    public CompletionBlock(CompletionService completion) {
        this(completion, completion.myStatus());
    }

    public CompletionBlock(CompletionService completion, CompletionStatus status) {
        addClassName("completion-block");
        setId("completion-block");
        setVisible(status.completed());
        if (!status.completed()) {
            return;
        }
        H2 heading = new H2("✓ Course completed");
        heading.setId("completion-heading");
        getElement().setAttribute("aria-labelledby", "completion-heading");
        Paragraph when = new Paragraph("You completed the course on " + UserTime.date(Objects.requireNonNull(status.completedAt()))
                + " with a final assessment score of " + ScorePercent.format(Objects.requireNonNull(status.finalScore())) + ".");
        when.setId("completion-date");
        add(heading, when);
        Paragraph next = new Paragraph();
        next.setId("completion-next");
        if (!status.evaluationDone()) {
            next.setText("Next: a short course evaluation (a few minutes). Your certificate follows it.");
            Button evaluate = new Button("Fill in the course evaluation", click -> getUI().ifPresent(ui -> ui.navigate(EvaluationView.class)));
            evaluate.setId("completion-evaluate");
            evaluate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(next, evaluate);
        } else if (status.certificate() != null && status.certificate().revoked()) {
            next.setText("Your certificate was revoked: " + status.certificate().revokedReason() + ". Please contact your instructor.");
            add(next);
        } else {
            next.add(new CertificateLinks(completion, "completion"));
            add(next);
        }
        add(new Paragraph(new Anchor("my-record", "See your full record")));
    }
}

package org.compassioncourse.completion.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.compassioncourse.completion.CompletionException;
import org.compassioncourse.completion.CompletionService;
import org.compassioncourse.completion.CompletionStatus;
import org.compassioncourse.content.Evaluation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The course evaluation, after completing the course and before the certificate. Every statement is a labelled radio
 * group (arrow keys move within it, Tab to the next), every free-text question a labelled text area.
 */
@Route("evaluation")
@PageTitle("Course evaluation · Compassion Course")
@PermitAll
public class EvaluationView extends Main implements BeforeEnterObserver {

    private final CompletionService completion;
    final Map<String, RadioButtonGroup<Integer>> statements = new LinkedHashMap<>();
    final Map<String, TextArea> questions = new LinkedHashMap<>();
    final Paragraph error = new Paragraph();

    public EvaluationView(CompletionService completion) {
        this.completion = completion;
        addClassNames("page", "evaluation-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        statements.clear();
        questions.clear();
        add(new H1("Course evaluation"));
        CompletionStatus status = completion.myStatus();
        if (!status.completed()) {
            Paragraph notYet = new Paragraph("The evaluation opens once you have completed the course: every lesson and a passed final assessment.");
            notYet.setId("evaluation-not-yet");
            add(notYet, new Anchor("", "Back to the course"));
            return;
        }
        if (status.evaluationSubmittedAt() != null || !status.evaluationRequired()) {
            Paragraph done = new Paragraph("Thank you: your evaluation is in.");
            done.setId("evaluation-done");
            add(done, new Paragraph(new CertificateLinks(completion, "evaluation")));
            return;
        }
        Evaluation evaluation = completion.evaluation();
        add(new Paragraph("Your answers help us improve the course. Your instructor sees them only added up with the rest of "
                + "your cohort, and comments without your name. Statements marked as required need an answer."));
        List<Integer> points = IntStream.rangeClosed(1, evaluation.scale().size()).boxed().toList();
        for (Evaluation.Item item : evaluation.items()) {
            if (item.kind() == Evaluation.Kind.LIKERT) {
                RadioButtonGroup<Integer> group = new RadioButtonGroup<>(item.text());
                group.setItems(points);
                group.setItemLabelGenerator(p -> evaluation.scale().get(p - 1));
                group.setRequiredIndicatorVisible(item.required());
                group.setId("evaluation-" + item.id());
                group.addClassName("likert");
                statements.put(item.id(), group);
                add(group);
            } else {
                TextArea text = new TextArea(item.text());
                text.setMaxLength(CompletionService.MAX_TEXT_ANSWER);
                text.setRequiredIndicatorVisible(item.required());
                text.setWidthFull();
                text.setId("evaluation-" + item.id());
                questions.put(item.id(), text);
                add(text);
            }
        }
        error.setId("evaluation-error");
        error.getElement().setAttribute("role", "alert");
        Button send = new Button("Send the evaluation", click -> send());
        send.setId("evaluation-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        add(error, send);
    }

    private void send() {
        Map<String, Integer> likert = new HashMap<>();
        statements.forEach((id, group) -> {
            if (group.getValue() != null) {
                likert.put(id, group.getValue());
            }
        });
        Map<String, String> texts = new HashMap<>();
        questions.forEach((id, area) -> texts.put(id, area.getValue()));
        try {
            completion.submitEvaluation(likert, texts);
            getUI().ifPresent(ui -> ui.refreshCurrentRoute(false));
        } catch (CompletionException refused) {
            error.setText(refused.getMessage());
            statements.forEach((id, group) -> group.setInvalid(group.isRequiredIndicatorVisible() && group.getValue() == null));
            findSendButton();
        }
    }

    private void findSendButton() {
        getChildren().filter(c -> c instanceof Button).map(c -> (Button) c).forEach(b -> b.setEnabled(true));
    }
}

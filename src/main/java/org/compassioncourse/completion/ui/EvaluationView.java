package org.compassioncourse.completion.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
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
import org.compassioncourse.completion.EvaluationIncomplete;
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
        Paragraph intro = new Paragraph("Your answers help us improve the course. Your instructor sees them only added up with the "
                + "rest of your cohort, and comments without your name.");
        // Lumo marks a required field with a bare "•": say what it means once, in words
        Paragraph marker = new Paragraph("Every statement marked • is required: choose one point of its scale. "
                + "Questions marked (optional) may stay empty.");
        marker.setId("evaluation-required-note");
        add(intro, marker);
        List<Integer> points = IntStream.rangeClosed(1, evaluation.scale().size()).boxed().toList();
        String shownGroup = null;
        for (Evaluation.Item item : evaluation.items()) {
            if (!item.group().equals(shownGroup)) {
                // one heading per lesson: its objectives are rated together, with the lesson in mind
                shownGroup = item.group();
                H2 heading = new H2(shownGroup);
                heading.addClassName("evaluation-group");
                add(heading);
            }
            if (item.kind() == Evaluation.Kind.LIKERT) {
                RadioButtonGroup<Integer> group = new RadioButtonGroup<>(item.text());
                group.setItems(points);
                group.setItemLabelGenerator(p -> evaluation.scale().get(p - 1));
                group.setRequiredIndicatorVisible(item.required());
                group.setId("evaluation-" + item.id());
                group.setErrorMessage("Choose one point of the scale for this statement.");
                group.addValueChangeListener(chosen -> group.setInvalid(false));
                group.addClassName("likert");
                statements.put(item.id(), group);
                add(group);
            } else {
                boolean saysOptional = item.text().toLowerCase(java.util.Locale.ROOT).contains("optional");
                TextArea text = new TextArea(item.required() || saysOptional ? item.text() : item.text() + " (optional)");
                text.setMaxLength(CompletionService.MAX_TEXT_ANSWER);
                text.setRequiredIndicatorVisible(item.required());
                text.setWidthFull();
                text.setId("evaluation-" + item.id());
                text.setErrorMessage("Please answer this question.");
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
        } catch (EvaluationIncomplete incomplete) {
            error.setText(incomplete.getMessage());
            // each unanswered row says so beside itself, and focus goes to the first, so nobody hunts for it
            statements.forEach((id, group) -> group.setInvalid(incomplete.missingItemIds().contains(id)));
            questions.forEach((id, area) -> area.setInvalid(incomplete.missingItemIds().contains(id)));
            incomplete.missingItemIds().stream().findFirst().ifPresent(first -> {
                if (statements.containsKey(first)) {
                    // a radio group has no focus() of its own: focus its first radio's native input (in the light DOM)
                    statements.get(first).getElement().executeJs("const input = this.querySelector('input');"
                            + " if (input) { input.focus(); } else { this.scrollIntoView({block: 'center'}); }");
                } else if (questions.containsKey(first)) {
                    questions.get(first).focus();
                }
            });
            findSendButton();
        } catch (CompletionException refused) {
            error.setText(refused.getMessage());
            findSendButton();
        }
    }

    private void findSendButton() {
        getChildren().filter(c -> c instanceof Button).map(c -> (Button) c).forEach(b -> b.setEnabled(true));
    }
}

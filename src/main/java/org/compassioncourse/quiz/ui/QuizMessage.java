package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import org.compassioncourse.quiz.AttemptAlreadyClosedException;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The message that stands by the submit button: what still stops the submission (open questions, blanks on the
 * pre-test), a refusal, or that the attempt was closed in another tab. Read out when it changes.
 */
final class QuizMessage extends Paragraph {

    QuizMessage() {
        setId("quiz-message");
        getElement().setAttribute("aria-live", "polite");
        addClassName("quiz-message");
    }

    /** The pre-test may be submitted with blanks, but it is taken once: ask first. */
    void askAboutBlanks(int blank, int total) {
        removeAll();
        setText(blankPreTestMessage(blank, total));
        bringIntoView();
    }

    /** Which questions are open; with their cards on the page, a link takes the reader to the first. */
    void showOpenQuestions(List<Integer> open, Optional<QuestionCard> firstCard) {
        removeAll();
        setText(openQuestionsMessage(open) + " ");
        // the message says which; a link takes the reader to the first, wherever the message is read
        firstCard.ifPresent(first -> {
            Button go = new Button("Go to question " + open.getFirst(), goClick -> {
                first.scrollIntoView();
                first.getElement().executeJs("this.focus()");
            });
            go.setId("go-to-open-question");
            go.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            add(go);
        });
        bringIntoView();
    }

    /** A stale tab: say what happened and lead to the result, instead of complaining about open questions. */
    void showClosedElsewhere(AttemptAlreadyClosedException closedElsewhere) {
        removeAll();
        setText(closedElsewhere.getMessage() + " ");
        if (!closedElsewhere.abandoned()) {
            Anchor result = new Anchor("quiz-review/" + closedElsewhere.attemptId(), "See the result");
            result.setId("already-submitted-result");
            add(result);
        }
    }

    /** The message stands where the learner pressed Submit: brought into view and read out. */
    private void bringIntoView() {
        getElement().setAttribute("tabindex", "-1");
        getElement().executeJs("this.scrollIntoView({block: 'center'}); this.focus()");
    }

    static String blankPreTestMessage(int blank, int total) {
        return blank + " of " + total + (total == 1 ? " question is" : " questions are") + " not answered. The pre-test is taken once: "
                + "once you submit, you cannot come back to " + (blank == 1 ? "it" : "them") + ". A blank counts as not right, "
                + "like \"I don't know yet\". Press the button again to submit as it is, or answer " + (blank == 1 ? "it" : "them") + " first.";
    }

    static String openQuestionsMessage(List<Integer> open) {
        if (open.size() == 1) {
            return "Question " + open.getFirst() + " is not answered yet.";
        }
        String numbers = open.subList(0, open.size() - 1).stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " and " + open.getLast();
        return "Questions " + numbers + " are not answered yet.";
    }
}

package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;

import java.util.function.IntConsumer;

/** One question at a time: previous and next, with the position between them (announced when it changes). */
final class QuestionNavigation extends Nav {

    private final Paragraph positionText = new Paragraph();
    private final Button previousQuestion = new Button("Previous question");
    private final Button nextQuestion = new Button("Next question");

    /** @param step called with -1 (previous) or +1 (next) */
    QuestionNavigation(IntConsumer step) {
        previousQuestion.setId("previous-question");
        nextQuestion.setId("next-question");
        previousQuestion.setDisableOnClick(true);
        nextQuestion.setDisableOnClick(true);
        previousQuestion.addClickListener(click -> step.accept(-1));
        nextQuestion.addClickListener(click -> step.accept(+1));
        positionText.setId("question-position");
        positionText.addClassName("question-position");
        positionText.getElement().setAttribute("aria-live", "polite");
        add(previousQuestion, positionText, nextQuestion);
        addClassName("question-navigation");
        getElement().setAttribute("aria-label", "Questions of this knowledge check");
    }

    /** "Question 3 of 10", with the buttons that lead nowhere disabled. */
    void showPosition(int index, int total) {
        positionText.setText("Question " + (index + 1) + " of " + total);
        previousQuestion.setEnabled(index > 0);
        nextQuestion.setEnabled(index < total - 1);
    }
}

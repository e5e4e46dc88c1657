package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasAriaLabel;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import org.compassioncourse.quiz.QuestionPaper;

/** The frame of one question on a quiz or review page: its number, the scenario if any, and the stem. */
class QuestionCard extends Section {

    private final String accessibleName;
    private final Span counter;

    QuestionCard(QuestionPaper question, int number, int total) {
        accessibleName = "Your answer to question " + number + ": " + question.stem();
        addClassName("question-card");
        setId("question-" + question.id());
        counter = new Span("Question " + number + " of " + total);
        counter.addClassName("question-number");
        add(counter);
        if (question.scenario() != null) {
            Paragraph scenario = new Paragraph(question.scenario());
            scenario.addClassName("scenario");
            add(scenario);
        }
        H2 stem = new H2(question.stem());
        stem.addClassName("stem");
        add(stem);
    }

    /** Leaves out "Question 3 of 10" where the page already says it right above the card (one question at a time). */
    void withoutCounter() {
        remove(counter);
    }

    /**
     * Adds the answer input. A single answer group is named after its question, so a screen reader entering it
     * hears which question it answers, not fourteen times "Your answer".
     */
    void addInput(Component input) {
        if (input instanceof HasAriaLabel group) {
            group.setAriaLabel(accessibleName);
        }
        add(input);
    }
}

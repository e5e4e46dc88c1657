package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.Component;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.QuestionFeedback;
import org.compassioncourse.quiz.QuestionPaper;

import java.util.Optional;

/** The input part of one question on the page; one small component per question type. */
interface QuestionInput {

    Component component();

    /** What the learner has entered, if complete enough to be an answer. */
    Optional<Answer> answer();

    /** Whether the learner has chosen something; an ordering shows an order from the start, chosen only once handled. */
    default boolean chosen() {
        return answer().isPresent();
    }

    /** Shows a stored answer (resuming an attempt, or a review). */
    void show(Answer answer);

    /** Shows on the input what the feedback says (e.g. the correct region on a figure); most inputs need not. */
    default void showResult(QuestionFeedback feedback) {
    }

    void setReadOnly(boolean readOnly);

    /** Called whenever the learner changes the input. */
    void onChange(Runnable listener);

    static QuestionInput of(QuestionPaper paper, FigureSource figures) {
        return switch (paper.type()) {
            case SINGLE_CHOICE, SCENARIO, TRUE_FALSE -> new SingleChoiceInput(paper);
            case MULTIPLE_RESPONSE -> new MultipleResponseInput(paper);
            case MATCHING -> ChoicePerRowInput.matching(paper);
            case CATEGORISE -> ChoicePerRowInput.categorise(paper);
            case ORDERING -> new OrderingInput(paper);
            case HOTSPOT -> new HotspotInput(paper, figures);
        };
    }

    /** Where the hotspot input gets its figure's markup and region names. */
    interface FigureSource {
        String svg(String figureId);

        java.util.List<QuestionPaper.Choice> regions(String figureId);
    }
}

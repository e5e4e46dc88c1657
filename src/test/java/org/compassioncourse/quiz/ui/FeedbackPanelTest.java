package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.html.ListItem;
import org.compassioncourse.content.QuestionType;
import org.compassioncourse.quiz.QuestionFeedback;
import org.compassioncourse.quiz.QuestionPaper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The feedback under a question follows the order its options were shown in, not the content file's order. */
class FeedbackPanelTest {

    @Test
    void optionLinesFollowTheShuffledOrderTheLearnerSaw() {
        QuestionFeedback feedback = new QuestionFeedback("q", 1, true, "Alpha", List.of(
                new QuestionFeedback.Line("Alpha", "a right answer, your choice", true, "why alpha", true),
                new QuestionFeedback.Line("Beta", "not a right answer, rightly left out", true, "why beta"),
                new QuestionFeedback.Line("Gamma", "not a right answer, rightly left out", true, "why gamma")),
                "lesson", "section", "", "");
        QuestionPaper shown = new QuestionPaper("q", QuestionType.SINGLE_CHOICE, "Which?", null,
                List.of(new QuestionPaper.Choice("g", "Gamma"), new QuestionPaper.Choice("a", "Alpha"), new QuestionPaper.Choice("b", "Beta")),
                List.of(), List.of(), List.of(), List.of(), null);

        FeedbackPanel panel = new FeedbackPanel(feedback, shown);

        List<String> lines = panel.getElement().getChildren().flatMap(e -> e.getChildren())
                .filter(e -> e.getComponent().orElse(null) instanceof ListItem).map(e -> e.getTextRecursively()).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("Gamma");
        assertThat(lines.get(1)).contains("Alpha").contains("your choice");
        assertThat(lines.get(2)).contains("Beta");
        List<Boolean> marked = panel.getElement().getChildren().flatMap(e -> e.getChildren())
                .filter(e -> e.getComponent().orElse(null) instanceof ListItem).map(e -> e.getClassList().contains("chosen")).toList();
        assertThat(marked).as("the learner's choice is marked from the line's chosen flag").containsExactly(false, true, false);
    }

    @Test
    void theChoiceIsMarkedByWhatTheLearnerChoseNotByTheWordingOfTheNote() {
        QuestionFeedback feedback = new QuestionFeedback("q", 0, false, "Alpha", List.of(
                new QuestionFeedback.Line("Alpha", "a right answer you did not choose", false, "why alpha"),
                new QuestionFeedback.Line("Beta", "reworded: picked by you", false, "why beta", true)),
                "lesson", "section", "", "");
        QuestionPaper shown = new QuestionPaper("q", QuestionType.SINGLE_CHOICE, "Which?", null,
                List.of(new QuestionPaper.Choice("a", "Alpha"), new QuestionPaper.Choice("b", "Beta")),
                List.of(), List.of(), List.of(), List.of(), null);

        List<Boolean> marked = new FeedbackPanel(feedback, shown).getElement().getChildren().flatMap(e -> e.getChildren())
                .filter(e -> e.getComponent().orElse(null) instanceof ListItem).map(e -> e.getClassList().contains("chosen")).toList();
        assertThat(marked).containsExactly(false, true);
    }
}

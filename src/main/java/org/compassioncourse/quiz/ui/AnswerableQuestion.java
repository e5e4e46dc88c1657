package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import org.compassioncourse.content.Course;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.QuestionFeedback;
import org.compassioncourse.quiz.QuestionPaper;

import java.util.Optional;

/**
 * One question answered as in a knowledge check, for pages outside a quiz (spaced review): the question card with
 * its type's input, and the feedback panel once the answer is marked. The paper carries no key; marking is the
 * caller's service's.
 */
public class AnswerableQuestion extends Composite<Div> {

    private final QuestionInput input;
    private final QuestionCard card;
    private final QuestionPaper paper;

    public AnswerableQuestion(QuestionPaper paper, int number, int total, Course course) {
        this.paper = paper;
        input = QuestionInput.of(paper, new CourseFigureSource(course));
        card = new QuestionCard(paper, number, total);
        card.addInput(input.component());
        getContent().add(card);
    }

    /** What the learner has entered, if complete enough to be an answer. */
    public Optional<Answer> answer() {
        return input.answer();
    }

    /** Locks the input and shows the feedback under the question. */
    public void showFeedback(QuestionFeedback feedback) {
        input.setReadOnly(true);
        input.showResult(feedback);
        card.add(new FeedbackPanel(feedback, paper));
    }
}

package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.compassioncourse.base.Percent;
import org.compassioncourse.quiz.QuestionFeedback;
import org.compassioncourse.quiz.QuestionPaper;

import java.util.Comparator;
import java.util.List;

/** Feedback on one answered question: verdict in words and symbols (never colour alone), key, reasons, where to read more. */
class FeedbackPanel extends Div {

    /** The feedback, its option lines in the order the options were shown to this learner (they are shuffled). */
    FeedbackPanel(QuestionFeedback feedback, QuestionPaper shown) {
        addClassName("feedback-panel");
        String verdict = feedback.correct() ? "✓ Correct" : feedback.score() > 0
                ? "◐ Partly correct (" + Percent.format(feedback.score()) + ")" : "✗ Not correct";
        Span heading = new Span(verdict);
        heading.addClassNames("verdict", feedback.correct() ? "verdict-right" : feedback.score() > 0 ? "verdict-partial" : "verdict-wrong");
        Paragraph key = new Paragraph("Answer: " + feedback.key());
        key.addClassName("feedback-key");
        UnorderedList lines = new UnorderedList();
        List<String> shownOrder = shown.options().stream().map(QuestionPaper.Choice::text).toList();
        List<QuestionFeedback.Line> inShownOrder = feedback.lines().stream()
                .sorted(Comparator.comparingInt(line -> shownOrder.contains(line.part()) ? shownOrder.indexOf(line.part()) : Integer.MAX_VALUE))
                .toList();
        for (QuestionFeedback.Line line : inShownOrder) {
            String mark = line.right() ? "✓ " : "✗ ";
            ListItem item = new ListItem(new Span(mark), new Span(line.part() + " (" + line.note() + "): "), new Span(line.text()));
            if (line.chosen()) {
                item.addClassName("chosen");
            }
            lines.add(item);
        }
        add(heading, key, lines);
        if (!feedback.sectionTitle().isEmpty()) {
            Paragraph more = new Paragraph("Read more: ");
            // a plain link, so quizzes need nothing from the lesson feature (no dependency cycle)
            more.add(new com.vaadin.flow.component.html.Anchor("lesson/" + feedback.lessonId() + "/" + feedback.sectionId(), feedback.sectionTitle()));
            add(more);
        }
        if (!feedback.citation().isEmpty()) {
            Paragraph source = new Paragraph("Source: " + feedback.citation());
            source.addClassName("feedback-source");
            add(source);
        }
        getElement().setAttribute("role", "status");
    }
}

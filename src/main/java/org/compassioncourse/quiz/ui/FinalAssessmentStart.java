package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import org.compassioncourse.quiz.AttemptAllowance;
import org.compassioncourse.quiz.QuizAvailability;

/**
 * Before a final attempt starts: the questions, pass mark, attempts left and time to allow, then one button to start.
 * An attempt counts once started, so the page says first what it costs.
 */
final class FinalAssessmentStart extends Div {

    /** @param start what the start button does (this page is removed first) */
    FinalAssessmentStart(QuizAvailability.AssessmentStart facts, Runnable start) {
        AttemptAllowance attempts = facts.attempts();
        UnorderedList list = new UnorderedList();
        list.setId("final-start-facts");
        list.add(new ListItem(facts.questions() + (facts.questions() == 1 ? " question" : " questions")
                + ", on every lesson of the course. Feedback follows when you submit."));
        list.add(new ListItem("Pass mark: " + facts.passMark() + "%."));
        ListItem attemptsItem = new ListItem(attemptsBeforeStart(attempts, facts.cooldownMinutes()));
        attemptsItem.setId("final-start-attempts");
        list.add(attemptsItem);
        ListItem time = new ListItem("Allow about " + facts.minutesToAllow()
                + " minutes. There is no time limit: your answers are saved as you go, and you can leave and come back to this attempt.");
        time.setId("final-start-time");
        list.add(time);
        Button startButton = new Button(attempts.limited() ? "Start attempt " + (attempts.used() + 1) + " of " + attempts.allowed()
                : "Start the final assessment");
        startButton.setId("start-final");
        startButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        startButton.setDisableOnClick(true);
        add(new Paragraph("Before you start:"), list, startButton, new Paragraph(new Anchor("", "Not now: back to the course")));
        setId("final-start");
        startButton.addClickListener(click -> {
            removeFromParent();
            start.run();
        });
    }

    /** "This will be attempt 2 of 3. … after this one you have 1 attempt left." — or, unlimited, that a retake is possible. */
    static String attemptsBeforeStart(AttemptAllowance attempts, int cooldownMinutes) {
        if (!attempts.limited()) {
            return "You may take it again if you do not pass"
                    + (cooldownMinutes > 0 ? " (a new attempt opens " + cooldownMinutes + " minutes after the last)." : ".");
        }
        int after = attempts.left() - 1;
        return "This will be attempt " + (attempts.used() + 1) + " of " + attempts.allowed() + ". An attempt counts once you start it; "
                + (after == 0 ? "after this one you have none left." : "after this one you have " + after + (after == 1 ? " attempt" : " attempts") + " left.");
    }
}

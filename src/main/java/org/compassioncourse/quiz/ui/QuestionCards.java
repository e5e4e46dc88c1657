package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.AnswerRejectedException;
import org.compassioncourse.quiz.AttemptPaper;
import org.compassioncourse.quiz.QuestionFeedback;
import org.compassioncourse.quiz.QuestionPaper;
import org.compassioncourse.quiz.QuizAttempts;
import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the answerable cards of one attempt's quiz page: on a knowledge check a card with "Check answer", feedback and
 * "Try this question again"; on the pre-test and final assessment a card that saves each change (with "I don't know
 * yet" on the pre-test). Each answer goes to {@link QuizAttempts} and into {@link AnswersOnPage}; the page is told to
 * update its count.
 */
final class QuestionCards {

    private final Course course;
    private final QuizAttempts quizAttempts;
    private final AttemptPaper paper;
    private final AnswersOnPage state;
    private final boolean oneAtATime;
    private final Runnable answersChanged;
    /** The cards in page order, to say which are still open and take the reader there. */
    private final Map<String, QuestionCard> cards = new LinkedHashMap<>();
    /** Knowledge check: records a question's chosen answer as "Check answer" does (nothing if none is chosen). */
    private final Map<String, Runnable> checkIfChosen = new HashMap<>();
    private @Nullable QuestionInput shownInput;

    QuestionCards(Course course, QuizAttempts quizAttempts, AttemptPaper paper, AnswersOnPage state, boolean oneAtATime,
                  Runnable answersChanged) {
        this.course = course;
        this.quizAttempts = quizAttempts;
        this.paper = paper;
        this.state = state;
        this.oneAtATime = oneAtATime;
        this.answersChanged = answersChanged;
    }

    Optional<QuestionCard> card(String questionId) {
        return Optional.ofNullable(cards.get(questionId));
    }

    /** Moves the focus to the cards on the page (one at a time: the one card). */
    void focusCards() {
        cards.values().forEach(card -> card.getElement().executeJs("this.focus()"));
    }

    /** Knowledge check: records the question's answer if one is chosen on its card; false if the card is not on the page. */
    boolean checkIfChosen(String questionId) {
        Runnable check = checkIfChosen.get(questionId);
        if (check != null) {
            check.run();
        }
        return check != null;
    }

    /** The answer chosen but not checked on the last card made, if any. */
    Optional<Answer> chosenOnShownCard() {
        return shownInput != null && shownInput.chosen() ? shownInput.answer() : Optional.empty();
    }

    boolean anyShown() {
        return shownInput != null;
    }

    /** The cards made so far leave the page (one at a time: another question replaces them). */
    void clear() {
        cards.clear();
        checkIfChosen.clear();
    }

    /** @param fresh ignore the stored answer and feedback (the learner is trying the question again) */
    QuestionCard card(QuestionPaper question, int number, int total, boolean immediate, boolean fresh) {
        QuestionCard card = new QuestionCard(question, number, total);
        if (oneAtATime) {
            card.withoutCounter(); // the navigation above the card says which question this is
        }
        card.getElement().setAttribute("tabindex", "-1"); // focusable from script, so "question 14 is open" can take you there
        cards.put(question.id(), card);
        QuestionInput input = QuestionInput.of(question, new CourseFigureSource(course));
        card.addInput(input.component());
        Paragraph status = new Paragraph();
        status.addClassName("save-status");
        status.getElement().setAttribute("aria-live", "polite");
        state.shown(question.id());

        Answer earlier = fresh ? null : state.answer(question.id());
        if (earlier != null && !earlier.blank()) {
            input.show(earlier);
        }
        if (earlier != null) {
            state.markRecorded(question.id());
        }
        if (immediate) {
            checkedOnRequest(card, question, number, total, input, status, earlier, fresh);
        } else {
            savedOnChange(card, question, input, status, earlier);
        }
        return card;
    }

    /** Knowledge check: "Check answer" records the answer and shows its feedback; a checked question may be tried again. */
    private void checkedOnRequest(QuestionCard card, QuestionPaper question, int number, int total, QuestionInput input,
                                  Paragraph status, @Nullable Answer earlier, boolean fresh) {
        Div feedbackArea = new Div();
        feedbackArea.getElement().setAttribute("aria-live", "polite");
        shownInput = input;
        Answer draft = state.draft(question.id());
        if (earlier == null && draft != null) {
            input.show(draft);
        }
        Button check = new Button("Check answer");
        check.setId("check-" + question.id());
        check.setDisableOnClick(true);
        // practice: one checked question can be tried again without restarting the whole check; the button is made
        // only once it is offered, so unchecked cards carry none
        Runnable offerRetry = () -> {
            if (paper.kind() != QuizSettings.Kind.KNOWLEDGE_CHECK) {
                return;
            }
            Button retry = new Button("Try this question again");
            retry.setId("retry-" + question.id());
            retry.addClickListener(click -> {
                try {
                    quizAttempts.takeBackAnswer(paper.attemptId(), question.id());
                } catch (AnswerRejectedException refused) {
                    status.setText(refused.getMessage());
                    return;
                }
                state.forget(question.id());
                answersChanged.run();
                QuestionCard again = card(question, number, total, true, true);
                card.getParent().ifPresent(parent -> ((HasComponents) parent).replace(card, again));
                again.getElement().executeJs("this.focus()");
            });
            card.add(retry);
        };
        Runnable record = () -> input.answer().ifPresent(answer -> {
            quizAttempts.answer(paper.attemptId(), question.id(), answer, state.elapsed(question.id()))
                    .ifPresent(given -> {
                        state.recordFeedback(question.id(), given);
                        showFeedback(feedbackArea, given, question);
                        input.showResult(given);
                    });
            state.record(question.id(), answer);
            answersChanged.run();
            input.setReadOnly(true);
            check.setEnabled(false);
            offerRetry.run();
            status.setText("");
        });
        checkIfChosen.put(question.id(), () -> {
            if (input.chosen()) {
                record.run();
            }
        });
        input.onChange(() -> {
            if (state.isRecorded(question.id())) {
                return;
            }
            state.chosen(question.id(), input.chosen());
            answersChanged.run();
        });
        check.addClickListener(click -> {
            if (input.answer().isEmpty()) {
                status.setText("Answer the question first.");
                check.setEnabled(true);
                return;
            }
            try {
                record.run();
            } catch (AnswerRejectedException refused) {
                status.setText(refused.getMessage());
                check.setEnabled(true);
            }
        });
        card.add(check, status, feedbackArea);
        QuestionFeedback given = fresh ? null : state.feedback(question.id());
        if (given != null) {
            input.setReadOnly(true);
            check.setEnabled(false);
            showFeedback(feedbackArea, given, question);
            input.showResult(given);
            offerRetry.run();
        }
    }

    /** Pre-test and final assessment: each change is saved at once; feedback follows the submission. */
    private void savedOnChange(QuestionCard card, QuestionPaper question, QuestionInput input, Paragraph status,
                               @Nullable Answer earlier) {
        if (earlier != null) {
            status.setText("Answer saved.");
        }
        if (paper.kind() == QuizSettings.Kind.PRE_TEST) {
            card.add(dontKnowYet(question, input, status, earlier instanceof Answer.DontKnowYet));
        }
        input.onChange(() -> input.answer().ifPresent(answer -> {
            try {
                quizAttempts.answer(paper.attemptId(), question.id(), answer, state.elapsed(question.id()));
                state.record(question.id(), answer);
                answersChanged.run();
                status.setText("Answer saved.");
            } catch (AnswerRejectedException refused) {
                status.setText(refused.getMessage());
            }
        }));
        card.add(status);
    }

    /** Pre-test: "I don't know yet" is an answer of its own (scored 0), so nobody has to guess. */
    private Checkbox dontKnowYet(QuestionPaper question, QuestionInput input, Paragraph status, boolean chosen) {
        Checkbox dontKnow = new Checkbox("I don't know yet");
        dontKnow.setId("dont-know-" + question.id());
        dontKnow.setValue(chosen);
        input.setReadOnly(chosen);
        dontKnow.addValueChangeListener(change -> {
            if (!change.isFromClient()) {
                return;
            }
            try {
                if (change.getValue()) {
                    quizAttempts.answer(paper.attemptId(), question.id(), new Answer.DontKnowYet(), state.elapsed(question.id()));
                    state.record(question.id(), new Answer.DontKnowYet());
                    status.setText("Saved: " + Answer.NoAnswer.DONT_KNOW_YET.label() + ".");
                } else if (input.chosen() && input.answer().isPresent()) {
                    quizAttempts.answer(paper.attemptId(), question.id(), input.answer().get(), state.elapsed(question.id()));
                    state.replaceAnswer(question.id(), input.answer().get());
                    status.setText("Answer saved.");
                } else {
                    quizAttempts.takeBackAnswer(paper.attemptId(), question.id());
                    state.takeBack(question.id());
                    status.setText("");
                }
                input.setReadOnly(change.getValue());
                answersChanged.run();
            } catch (AnswerRejectedException refused) {
                status.setText(refused.getMessage());
            }
        });
        return dontKnow;
    }

    private static void showFeedback(Div area, QuestionFeedback feedback, QuestionPaper question) {
        area.removeAll();
        area.add(new FeedbackPanel(feedback, question));
    }
}

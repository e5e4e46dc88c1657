package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import org.compassioncourse.base.ui.UserTime;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.AnswerRejectedException;
import org.compassioncourse.quiz.AttemptAllowance;
import org.compassioncourse.quiz.AttemptAlreadyClosedException;
import org.compassioncourse.quiz.AttemptPaper;
import org.compassioncourse.quiz.AttemptResult;
import org.compassioncourse.quiz.QuestionFeedback;
import org.compassioncourse.quiz.QuestionPaper;
import org.compassioncourse.quiz.QuizService;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Taking a quiz: a knowledge check at the end of a lesson (feedback after each answer), the pre-test or the
 * final assessment (answers saved as they change, feedback after submission). Only question papers reach the
 * page; keys and feedback come from the server when the settings allow.
 */
@Route("quiz/:kind/:lessonId?")
@PermitAll
public class QuizView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final Course course;
    private final QuizService quizService;
    private String title = "Quiz · Compassion Course";
    private final Map<String, Long> shownAt = new HashMap<>();
    /** The cards in page order, and which questions have an answer recorded, to say which are still open. */
    private final Map<String, QuestionCard> cards = new LinkedHashMap<>();
    private final Set<String> recorded = new HashSet<>();
    private final Paragraph answeredCount = new Paragraph();
    /** Knowledge check: records a question's chosen answer as "Check answer" does (nothing if none is chosen). */
    private final Map<String, Runnable> checkIfChosen = new HashMap<>();

    public QuizView(Course course, QuizService quizService) {
        this.course = course;
        this.quizService = quizService;
        addClassNames("page", "quiz-page");
    }

    public static RouteParameters parameters(QuizSettings.Kind kind, @Nullable String lessonId) {
        return lessonId == null ? new RouteParameters("kind", kind.yamlName())
                : new RouteParameters(Map.of("kind", kind.yamlName(), "lessonId", lessonId));
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String kindName = event.getRouteParameters().get("kind").orElse("");
        Optional<QuizSettings.Kind> kind = Arrays.stream(QuizSettings.Kind.values()).filter(k -> k.yamlName().equals(kindName)).findFirst();
        String lessonId = event.getRouteParameters().get("lessonId").orElse(null);
        if (kind.isEmpty() || (kind.get() == QuizSettings.Kind.KNOWLEDGE_CHECK && (lessonId == null || course.lesson(lessonId).isEmpty()))) {
            event.rerouteToError(NotFoundException.class, "There is no such quiz.");
            return;
        }
        removeAll();
        String heading = heading(kind.get(), lessonId);
        title = heading + " · Compassion Course";
        H1 h1 = new H1(heading);
        h1.setId("quiz-title");
        add(h1);
        QuizService.Availability availability = quizService.availability(kind.get(), lessonId);
        Optional<AttemptPaper> paper = Optional.empty();
        try {
            paper = Optional.of(quizService.startOrResume(kind.get(), lessonId));
        } catch (AnswerRejectedException notNow) {
            Paragraph message = new Paragraph(availability.available() ? notNow.getMessage() : unavailable(availability));
            message.setId("quiz-unavailable");
            add(message, new Anchor("", "Back to the course"));
        }
        paper.ifPresent(this::show);
        paper.ifPresent(p -> updateAnsweredCount());
    }

    /** Why the quiz cannot be started now, with the time it opens in the reader's own time zone. */
    static String unavailable(QuizService.Availability availability) {
        return availability.availableFrom() == null ? availability.reason()
                : "You can try again from " + UserTime.timeOnDay(availability.availableFrom()) + ". " + availability.reason();
    }

    private String heading(QuizSettings.Kind kind, @Nullable String lessonId) {
        return switch (kind) {
            case KNOWLEDGE_CHECK -> "Knowledge check: " + course.lesson(lessonId).map(l -> l.title()).orElse("");
            case PRE_TEST -> "Pre-test";
            case FINAL_ASSESSMENT -> "Final assessment";
        };
    }

    private void show(AttemptPaper paper) {
        boolean immediate = paper.feedbackTiming() == QuizSettings.FeedbackTiming.AFTER_EACH_ANSWER;
        add(new Paragraph(intro(paper)));
        if (paper.removedQuestions() > 0) {
            add(removedQuestionsNote(paper));
        }
        answeredCount.setId("answered-count");
        answeredCount.addClassName("answered-count");
        answeredCount.getElement().setAttribute("aria-live", "polite");
        add(answeredCount);
        int number = 0;
        for (QuestionPaper question : paper.questions()) {
            number++;
            add(questionCard(paper, question, number, immediate, false));
        }
        Paragraph problem = new Paragraph();
        problem.setId("quiz-message");
        problem.getElement().setAttribute("aria-live", "polite");
        problem.addClassName("quiz-message");
        Button submit = new Button(immediate ? "Finish knowledge check" : "Submit " + heading(paper.kind(), null).toLowerCase());
        submit.setId("submit-quiz");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClickListener(click -> {
            if (immediate) {
                try {
                    recordUncheckedAnswers();
                } catch (AnswerRejectedException refused) {
                    problem.setText(refused.getMessage());
                    submit.setEnabled(true);
                    return;
                }
            }
            // the pre-test may be submitted with blanks (they score 0, as "I don't know yet" does)
            List<Integer> open = paper.kind() == QuizSettings.Kind.PRE_TEST ? List.of() : openQuestionNumbers();
            if (!open.isEmpty() && !quizService.isClosed(paper.attemptId())) {
                problem.setText(openQuestionsMessage(open));
                QuestionCard first = new ArrayList<>(cards.values()).get(open.getFirst() - 1);
                first.scrollIntoView();
                first.getElement().executeJs("this.focus()");
                submit.setEnabled(true);
                return;
            }
            try {
                AttemptResult result = quizService.submit(paper.attemptId());
                UI.getCurrent().navigate(QuizReviewView.class, new RouteParameters("attemptId", String.valueOf(result.attemptId())));
            } catch (AttemptAlreadyClosedException closedElsewhere) {
                // a stale tab: say what happened and lead to the result, instead of complaining about open questions
                problem.removeAll();
                problem.setText(closedElsewhere.getMessage() + " ");
                if (!closedElsewhere.abandoned()) {
                    Anchor result = new Anchor("quiz-review/" + closedElsewhere.attemptId(), "See the result");
                    result.setId("already-submitted-result");
                    problem.add(result);
                }
            } catch (AnswerRejectedException refused) {
                problem.setText(refused.getMessage());
                submit.setEnabled(true);
            }
        });
        add(problem, submit);
    }

    /** An answer chosen but not checked is the learner's answer all the same: finishing checks it. */
    private void recordUncheckedAnswers() {
        for (String id : cards.keySet()) {
            if (!recorded.contains(id)) {
                checkIfChosen.getOrDefault(id, () -> { }).run();
            }
        }
    }

    private void updateAnsweredCount() {
        answeredCount.setText(recorded.stream().filter(cards::containsKey).count() + " of " + cards.size() + " answered");
    }

    private Component removedQuestionsNote(AttemptPaper paper) {
        Paragraph note = new Paragraph((paper.removedQuestions() == 1 ? "One question of this attempt was"
                : paper.removedQuestions() + " questions of this attempt were") + " removed from the course since you started. "
                + "Your score will be worked out over the questions that remain, or you can abandon this attempt and start afresh "
                + "(an abandoned attempt does not count).");
        note.setId("removed-questions-note");
        Button abandon = new Button("Abandon this attempt", click -> {
            quizService.abandon(paper.attemptId());
            getUI().ifPresent(ui -> ui.navigate(""));
        });
        abandon.setId("abandon-attempt");
        Div box = new Div(note, abandon);
        box.addClassName("removed-questions");
        return box;
    }

    private List<Integer> openQuestionNumbers() {
        List<Integer> open = new ArrayList<>();
        int number = 0;
        for (String id : cards.keySet()) {
            number++;
            if (!recorded.contains(id)) {
                open.add(number);
            }
        }
        return open;
    }

    static String openQuestionsMessage(List<Integer> open) {
        if (open.size() == 1) {
            return "Question " + open.getFirst() + " is not answered yet.";
        }
        String numbers = open.subList(0, open.size() - 1).stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " and " + open.getLast();
        return "Questions " + numbers + " are not answered yet.";
    }

    private String intro(AttemptPaper paper) {
        String count = paper.questions().size() + (paper.questions().size() == 1 ? " question" : " questions");
        return switch (paper.kind()) {
            case KNOWLEDGE_CHECK -> count + " to practise what this lesson teaches. Check each answer to see why it is right or wrong."
                    + " This does not count toward your grade, and you can try again as often as you like.";
            case PRE_TEST -> count + " on what the course covers, before you start. Answer as well as you can;"
                    + " nobody expects you to know it yet: choose \"I don't know yet\" or leave a question blank rather than guess"
                    + " (either counts as not right). Your answers are saved as you go; feedback follows when you submit.";
            case FINAL_ASSESSMENT -> count + ". You pass with " + course.passMark() + "% or more. Your answers are saved as you go;"
                    + " feedback follows when you submit." + attemptsNote();
        };
    }

    private String attemptsNote() {
        AttemptAllowance attempts = quizService.myFinalAttempts();
        return attempts.limited() ? " This is attempt " + attempts.used() + " of " + attempts.allowed() + "." : "";
    }

    /** @param fresh ignore the stored answer and feedback (the learner is trying the question again) */
    private Component questionCard(AttemptPaper paper, QuestionPaper question, int number, boolean immediate, boolean fresh) {
        QuestionCard card = new QuestionCard(question, number, paper.questions().size());
        card.getElement().setAttribute("tabindex", "-1"); // focusable from script, so "question 14 is open" can take you there
        cards.put(question.id(), card);
        QuestionInput input = QuestionInput.of(question, new CourseFigureSource(course));
        card.addInput(input.component());
        Div feedbackArea = new Div();
        feedbackArea.getElement().setAttribute("aria-live", "polite");
        Paragraph status = new Paragraph();
        status.addClassName("save-status");
        status.getElement().setAttribute("aria-live", "polite");
        shownAt.put(question.id(), System.currentTimeMillis());

        Answer earlier = fresh ? null : paper.answers().get(question.id());
        if (earlier != null && !earlier.blank()) {
            input.show(earlier);
        }
        if (earlier != null) {
            recorded.add(question.id());
        }
        if (immediate) {
            Button check = new Button("Check answer");
            check.setId("check-" + question.id());
            check.setDisableOnClick(true);
            // practice: one checked question can be tried again without restarting the whole check
            Button retry = new Button("Try this question again");
            retry.setId("retry-" + question.id());
            retry.setVisible(false);
            retry.addClickListener(click -> {
                try {
                    quizService.takeBackAnswer(paper.attemptId(), question.id());
                } catch (AnswerRejectedException refused) {
                    status.setText(refused.getMessage());
                    return;
                }
                recorded.remove(question.id());
                shownAt.put(question.id(), System.currentTimeMillis());
                QuestionCard again = (QuestionCard) questionCard(paper, question, number, true, true);
                replace(card, again);
                again.getElement().executeJs("this.focus()");
            });
            Runnable record = () -> input.answer().ifPresent(answer -> {
                quizService.answer(paper.attemptId(), question.id(), answer, elapsed(question.id()))
                        .ifPresent(feedback -> {
                            showFeedback(feedbackArea, feedback);
                            input.showResult(feedback);
                        });
                recorded.add(question.id());
                updateAnsweredCount();
                input.setReadOnly(true);
                check.setEnabled(false);
                retry.setVisible(paper.kind() == QuizSettings.Kind.KNOWLEDGE_CHECK);
                status.setText("");
            });
            checkIfChosen.put(question.id(), () -> {
                if (input.chosen()) {
                    record.run();
                }
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
            QuestionFeedback given = fresh ? null : paper.feedback().get(question.id());
            if (given != null) {
                input.setReadOnly(true);
                check.setEnabled(false);
                retry.setVisible(paper.kind() == QuizSettings.Kind.KNOWLEDGE_CHECK);
                showFeedback(feedbackArea, given);
                input.showResult(given);
            }
            card.add(check, status, feedbackArea, retry);
        } else {
            if (earlier != null) {
                status.setText("Answer saved.");
            }
            if (paper.kind() == QuizSettings.Kind.PRE_TEST) {
                card.add(dontKnowYet(paper, question, input, status, earlier instanceof Answer.DontKnowYet));
            }
            input.onChange(() -> input.answer().ifPresent(answer -> {
                try {
                    quizService.answer(paper.attemptId(), question.id(), answer, elapsed(question.id()));
                    recorded.add(question.id());
                    updateAnsweredCount();
                    status.setText("Answer saved.");
                } catch (AnswerRejectedException refused) {
                    status.setText(refused.getMessage());
                }
            }));
            card.add(status);
        }
        return card;
    }

    /** Pre-test: "I don't know yet" is an answer of its own (scored 0), so nobody has to guess. */
    private Checkbox dontKnowYet(AttemptPaper paper, QuestionPaper question, QuestionInput input, Paragraph status, boolean chosen) {
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
                    quizService.answer(paper.attemptId(), question.id(), new Answer.DontKnowYet(), elapsed(question.id()));
                    recorded.add(question.id());
                    status.setText("Saved: I don't know yet.");
                } else if (input.chosen() && input.answer().isPresent()) {
                    quizService.answer(paper.attemptId(), question.id(), input.answer().get(), elapsed(question.id()));
                    status.setText("Answer saved.");
                } else {
                    quizService.takeBackAnswer(paper.attemptId(), question.id());
                    recorded.remove(question.id());
                    status.setText("");
                }
                input.setReadOnly(change.getValue());
            } catch (AnswerRejectedException refused) {
                status.setText(refused.getMessage());
            }
        });
        return dontKnow;
    }

    private long elapsed(String questionId) {
        return System.currentTimeMillis() - shownAt.getOrDefault(questionId, System.currentTimeMillis());
    }

    private static void showFeedback(Div area, QuestionFeedback feedback) {
        area.removeAll();
        area.add(new FeedbackPanel(feedback));
    }

}

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
import org.compassioncourse.quiz.QuizAttempts;
import org.compassioncourse.quiz.QuizAvailability;
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
    private final QuizAvailability quizAvailability;
    private final QuizAttempts quizAttempts;
    private String title = "Quiz · Compassion Course";
    private final Map<String, Long> shownAt = new HashMap<>();
    /** The cards in page order, and which questions have an answer recorded, to say which are still open. */
    private final Map<String, QuestionCard> cards = new LinkedHashMap<>();
    private final Set<String> recorded = new HashSet<>();
    private final Paragraph answeredCount = new Paragraph();
    /** Knowledge check: records a question's chosen answer as "Check answer" does (nothing if none is chosen). */
    private final Map<String, Runnable> checkIfChosen = new HashMap<>();
    /** The questions in page order (a knowledge check shows one of them at a time). */
    private List<QuestionPaper> questions = List.of();
    /** Answers and feedback recorded so far, from the attempt's paper and this page: a card rebuilt when the learner comes back shows them. */
    private final Map<String, Answer> answers = new HashMap<>();
    private final Map<String, QuestionFeedback> feedback = new HashMap<>();
    /** Knowledge check: answers chosen but not checked on a question the learner moved away from; finishing records them. */
    private final Map<String, Answer> drafts = new HashMap<>();
    /** Knowledge check: questions answered on the page but not checked yet; finishing checks them, so they count as answered. */
    private final Set<String> chosenNotChecked = new HashSet<>();
    /** Knowledge check: the one card on the page, where it sits, and what the learner has chosen on it. */
    private final Div questionArea = new Div();
    private int position;
    private boolean oneAtATime;
    private @Nullable QuestionInput shownInput;
    private final Paragraph positionText = new Paragraph();
    private final Button previousQuestion = new Button("Previous question");
    private final Button nextQuestion = new Button("Next question");

    public QuizView(Course course, QuizAvailability quizAvailability, QuizAttempts quizAttempts) {
        this.course = course;
        this.quizAvailability = quizAvailability;
        this.quizAttempts = quizAttempts;
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
        QuizAvailability.Availability availability = quizAvailability.availability(kind.get(), lessonId);
        if (kind.get() == QuizSettings.Kind.FINAL_ASSESSMENT && availability.available()
                && quizAvailability.myOpenAttempt(kind.get(), null).isEmpty()) {
            // an attempt counts once started: whatever led here (the course page, the last lesson), say first what it costs
            add(finalStartPage(availability));
            return;
        }
        begin(kind.get(), lessonId, availability);
    }

    /** Starts (or resumes) the attempt and shows its questions, or says why it cannot start now. */
    private void begin(QuizSettings.Kind kind, @Nullable String lessonId, QuizAvailability.Availability availability) {
        Optional<AttemptPaper> paper = Optional.empty();
        try {
            paper = Optional.of(quizAttempts.startOrResume(kind, lessonId));
        } catch (AnswerRejectedException notNow) {
            Paragraph message = new Paragraph(availability.available() ? notNow.getMessage() : unavailable(availability));
            message.setId("quiz-unavailable");
            add(message, new Anchor("", "Back to the course"));
        }
        paper.ifPresent(this::show);
        paper.ifPresent(p -> updateAnsweredCount());
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

    /** Before a final attempt starts: the questions, pass mark, attempts left and time to allow, then one button to start. */
    private Component finalStartPage(QuizAvailability.Availability availability) {
        QuizAvailability.AssessmentStart facts = quizAvailability.finalStart();
        AttemptAllowance attempts = facts.attempts();
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        list.setId("final-start-facts");
        list.add(new com.vaadin.flow.component.html.ListItem(facts.questions() + (facts.questions() == 1 ? " question" : " questions")
                + ", on every lesson of the course. Feedback follows when you submit."));
        list.add(new com.vaadin.flow.component.html.ListItem("Pass mark: " + facts.passMark() + "%."));
        com.vaadin.flow.component.html.ListItem attemptsItem = new com.vaadin.flow.component.html.ListItem(
                attemptsBeforeStart(attempts, facts.cooldownMinutes()));
        attemptsItem.setId("final-start-attempts");
        list.add(attemptsItem);
        com.vaadin.flow.component.html.ListItem time = new com.vaadin.flow.component.html.ListItem("Allow about " + facts.minutesToAllow()
                + " minutes. There is no time limit: your answers are saved as you go, and you can leave and come back to this attempt.");
        time.setId("final-start-time");
        list.add(time);
        Button start = new Button(attempts.limited() ? "Start attempt " + (attempts.used() + 1) + " of " + attempts.allowed()
                : "Start the final assessment");
        start.setId("start-final");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setDisableOnClick(true);
        Div page = new Div(new Paragraph("Before you start:"), list, start, new Paragraph(new Anchor("", "Not now: back to the course")));
        page.setId("final-start");
        start.addClickListener(click -> {
            remove(page);
            begin(QuizSettings.Kind.FINAL_ASSESSMENT, null, availability);
        });
        return page;
    }

    /** Why the quiz cannot be started now, with the time it opens in the reader's own time zone. */
    static String unavailable(QuizAvailability.Availability availability) {
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
        questions = paper.questions();
        answers.putAll(paper.answers());
        feedback.putAll(paper.feedback());
        recorded.addAll(paper.answers().keySet());
        oneAtATime = immediate && paper.kind() == QuizSettings.Kind.KNOWLEDGE_CHECK;
        if (oneAtATime) {
            // one card at a time keeps a learner's session small; the first open question is where they left off
            // the position and the way on come first, where a phone shows them without scrolling past the card
            add(questionNavigation(paper), questionArea);
            int firstOpen = 0;
            while (firstOpen < questions.size() && recorded.contains(questions.get(firstOpen).id())) {
                firstOpen++;
            }
            showQuestion(paper, firstOpen < questions.size() ? firstOpen : 0);
        } else {
            int number = 0;
            for (QuestionPaper question : questions) {
                number++;
                add(questionCard(paper, question, number, immediate, false));
            }
        }
        Paragraph problem = new Paragraph();
        problem.setId("quiz-message");
        problem.getElement().setAttribute("aria-live", "polite");
        problem.addClassName("quiz-message");
        Button submit = new Button(immediate ? "Finish knowledge check" : "Submit " + heading(paper.kind(), null).toLowerCase());
        submit.setId("submit-quiz");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        boolean[] blanksConfirmed = {false};
        submit.addClickListener(click -> {
            if (immediate) {
                try {
                    recordUncheckedAnswers(paper);
                } catch (AnswerRejectedException refused) {
                    problem.setText(refused.getMessage());
                    submit.setEnabled(true);
                    return;
                }
            }
            // Which questions are open is the database's answer, under the attempt's lock: answers given in another tab
            // count, and a submission under way in another tab is waited for and reported as "already submitted".
            List<Integer> open;
            try {
                open = openQuestionNumbers(quizAttempts.unansweredQuestions(paper.attemptId()));
            } catch (AttemptAlreadyClosedException closedElsewhere) {
                showClosedElsewhere(problem, closedElsewhere);
                return;
            }
            if (paper.kind() == QuizSettings.Kind.PRE_TEST && !open.isEmpty() && !blanksConfirmed[0]) {
                // the pre-test may be submitted with blanks (they score 0, shown as "Not answered"), but it is taken once: ask first
                problem.removeAll();
                problem.setText(blankPreTestMessage(open.size(), questions.size()));
                blanksConfirmed[0] = true;
                submit.setText("Submit with " + open.size() + (open.size() == 1 ? " question" : " questions") + " not answered");
                focusMessage(problem);
                submit.setEnabled(true);
                return;
            }
            if (paper.kind() != QuizSettings.Kind.PRE_TEST && !open.isEmpty()) {
                problem.removeAll();
                problem.setText(openQuestionsMessage(open) + " ");
                if (oneAtATime) {
                    showQuestion(paper, open.getFirst() - 1);
                } else {
                    // the message says which; a link takes the reader to the first, wherever the message is read
                    QuestionCard first = cards.get(questions.get(open.getFirst() - 1).id());
                    if (first != null) {
                        Button go = new Button("Go to question " + open.getFirst(), goClick -> {
                            first.scrollIntoView();
                            first.getElement().executeJs("this.focus()");
                        });
                        go.setId("go-to-open-question");
                        go.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                        problem.add(go);
                    }
                }
                focusMessage(problem);
                submit.setEnabled(true);
                return;
            }
            try {
                AttemptResult result = quizAttempts.submit(paper.attemptId());
                UI.getCurrent().navigate(QuizReviewView.class, new RouteParameters("attemptId", String.valueOf(result.attemptId())));
            } catch (AttemptAlreadyClosedException closedElsewhere) {
                showClosedElsewhere(problem, closedElsewhere);
            } catch (AnswerRejectedException refused) {
                problem.setText(refused.getMessage());
                submit.setEnabled(true);
            }
        });
        add(problem, submit);
    }

    /** A stale tab: say what happened and lead to the result, instead of complaining about open questions. */
    private static void showClosedElsewhere(Paragraph problem, AttemptAlreadyClosedException closedElsewhere) {
        problem.removeAll();
        problem.setText(closedElsewhere.getMessage() + " ");
        if (!closedElsewhere.abandoned()) {
            Anchor result = new Anchor("quiz-review/" + closedElsewhere.attemptId(), "See the result");
            result.setId("already-submitted-result");
            problem.add(result);
        }
    }

    /** Previous and next, with the position between them (announced when it changes). */
    private Component questionNavigation(AttemptPaper paper) {
        previousQuestion.setId("previous-question");
        nextQuestion.setId("next-question");
        previousQuestion.setDisableOnClick(true);
        nextQuestion.setDisableOnClick(true);
        previousQuestion.addClickListener(click -> moveTo(paper, position - 1));
        nextQuestion.addClickListener(click -> moveTo(paper, position + 1));
        positionText.setId("question-position");
        positionText.addClassName("question-position");
        positionText.getElement().setAttribute("aria-live", "polite");
        com.vaadin.flow.component.html.Nav nav = new com.vaadin.flow.component.html.Nav(previousQuestion, positionText, nextQuestion);
        nav.addClassName("question-navigation");
        nav.getElement().setAttribute("aria-label", "Questions of this knowledge check");
        return nav;
    }

    private void moveTo(AttemptPaper paper, int index) {
        showQuestion(paper, Math.clamp(index, 0, questions.size() - 1));
        // the button pressed stays where it is; the reader is taken to the question that replaced the last one
        cards.values().forEach(card -> card.getElement().executeJs("this.focus()"));
    }

    /** Replaces the card on the page with question {@code index}, keeping an answer chosen but not checked on the one left. */
    private void showQuestion(AttemptPaper paper, int index) {
        if (shownInput != null && position < questions.size()) {
            String left = questions.get(position).id();
            Optional<Answer> chosen = shownInput.chosen() ? shownInput.answer() : Optional.empty();
            if (!recorded.contains(left) && chosen.isPresent()) {
                drafts.put(left, chosen.get());
            } else {
                drafts.remove(left);
            }
        }
        position = index;
        cards.clear();
        checkIfChosen.clear();
        chosenNotChecked.clear(); // the card left behind keeps its answer as a draft, which the count reads
        questionArea.removeAll();
        if (questions.isEmpty()) {
            return;
        }
        questionArea.add(questionCard(paper, questions.get(index), index + 1, true, false));
        positionText.setText("Question " + (index + 1) + " of " + questions.size());
        previousQuestion.setEnabled(index > 0);
        nextQuestion.setEnabled(index < questions.size() - 1);
    }

    /** An answer chosen but not checked is the learner's answer all the same: finishing checks it. */
    private void recordUncheckedAnswers(AttemptPaper paper) {
        for (QuestionPaper question : questions) {
            String id = question.id();
            if (recorded.contains(id)) {
                continue;
            }
            Runnable onThePage = checkIfChosen.get(id);
            Answer draft = drafts.get(id);
            if (onThePage != null) {
                onThePage.run();
            } else if (draft != null) {
                quizAttempts.answer(paper.attemptId(), id, draft, elapsed(id)).ifPresent(given -> feedback.put(id, given));
                answers.put(id, draft);
                recorded.add(id);
                drafts.remove(id);
            }
        }
        updateAnsweredCount();
    }

    private void updateAnsweredCount() {
        long answered = questions.stream().filter(q -> recorded.contains(q.id())).count();
        long dontKnow = questions.stream().filter(q -> recorded.contains(q.id()) && answers.get(q.id()) instanceof Answer.DontKnowYet).count();
        // chosen but not checked: finishing the check records these too, so the count must not say they are missing
        long notChecked = questions.stream().filter(q -> !recorded.contains(q.id())
                && (chosenNotChecked.contains(q.id()) || drafts.containsKey(q.id()))).count();
        answeredCount.setText((answered + notChecked) + " of " + questions.size() + " answered"
                + (notChecked == 0 ? "" : " (" + notChecked + " not checked yet)")
                + (dontKnow == 0 ? "" : " (" + dontKnow + " with \"" + Answer.NoAnswer.DONT_KNOW_YET.label() + "\")"));
    }

    private Component removedQuestionsNote(AttemptPaper paper) {
        Paragraph note = new Paragraph((paper.removedQuestions() == 1 ? "One question of this attempt was"
                : paper.removedQuestions() + " questions of this attempt were") + " removed from the course since you started. "
                + "Your score will be worked out over the questions that remain, or you can abandon this attempt and start afresh "
                + "(an abandoned attempt does not count).");
        note.setId("removed-questions-note");
        Button abandon = new Button("Abandon this attempt", click -> {
            quizAttempts.abandon(paper.attemptId());
            getUI().ifPresent(ui -> ui.navigate(""));
        });
        abandon.setId("abandon-attempt");
        Div box = new Div(note, abandon);
        box.addClassName("removed-questions");
        return box;
    }

    /** The page's numbers of these questions. */
    private List<Integer> openQuestionNumbers(List<String> unanswered) {
        List<Integer> open = new ArrayList<>();
        int number = 0;
        for (QuestionPaper question : questions) {
            number++;
            if (unanswered.contains(question.id())) {
                open.add(number);
            }
        }
        return open;
    }

    /** The message that stands where the learner pressed Submit: brought into view and read out. */
    private static void focusMessage(Paragraph message) {
        message.getElement().setAttribute("tabindex", "-1");
        message.getElement().executeJs("this.scrollIntoView({block: 'center'}); this.focus()");
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
        AttemptAllowance attempts = quizAvailability.myFinalAttempts();
        return attempts.limited() ? " This is attempt " + attempts.used() + " of " + attempts.allowed() + "." : "";
    }

    /** @param fresh ignore the stored answer and feedback (the learner is trying the question again) */
    private Component questionCard(AttemptPaper paper, QuestionPaper question, int number, boolean immediate, boolean fresh) {
        QuestionCard card = new QuestionCard(question, number, questions.size());
        if (oneAtATime) {
            card.withoutCounter(); // the navigation above the card says which question this is
        }
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

        Answer earlier = fresh ? null : answers.get(question.id());
        if (earlier != null && !earlier.blank()) {
            input.show(earlier);
        }
        if (earlier != null) {
            recorded.add(question.id());
        }
        if (immediate) {
            shownInput = input;
            Answer draft = drafts.get(question.id());
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
                    recorded.remove(question.id());
                    answers.remove(question.id());
                    feedback.remove(question.id());
                    drafts.remove(question.id());
                    chosenNotChecked.remove(question.id());
                    updateAnsweredCount();
                    QuestionCard again = (QuestionCard) questionCard(paper, question, number, true, true);
                    card.getParent().ifPresent(parent -> ((com.vaadin.flow.component.HasComponents) parent).replace(card, again));
                    again.getElement().executeJs("this.focus()");
                });
                card.add(retry);
            };
            Runnable record = () -> input.answer().ifPresent(answer -> {
                quizAttempts.answer(paper.attemptId(), question.id(), answer, elapsed(question.id()))
                        .ifPresent(given -> {
                            feedback.put(question.id(), given);
                            showFeedback(feedbackArea, given, question);
                            input.showResult(given);
                        });
                recorded.add(question.id());
                answers.put(question.id(), answer);
                drafts.remove(question.id());
                chosenNotChecked.remove(question.id());
                updateAnsweredCount();
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
                if (recorded.contains(question.id())) {
                    return;
                }
                if (input.chosen()) {
                    chosenNotChecked.add(question.id());
                } else {
                    chosenNotChecked.remove(question.id());
                }
                updateAnsweredCount();
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
            QuestionFeedback given = fresh ? null : feedback.get(question.id());
            if (given != null) {
                input.setReadOnly(true);
                check.setEnabled(false);
                showFeedback(feedbackArea, given, question);
                input.showResult(given);
                offerRetry.run();
            }
        } else {
            if (earlier != null) {
                status.setText("Answer saved.");
            }
            if (paper.kind() == QuizSettings.Kind.PRE_TEST) {
                card.add(dontKnowYet(paper, question, input, status, earlier instanceof Answer.DontKnowYet));
            }
            input.onChange(() -> input.answer().ifPresent(answer -> {
                try {
                    quizAttempts.answer(paper.attemptId(), question.id(), answer, elapsed(question.id()));
                    recorded.add(question.id());
                    answers.put(question.id(), answer);
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
                    quizAttempts.answer(paper.attemptId(), question.id(), new Answer.DontKnowYet(), elapsed(question.id()));
                    recorded.add(question.id());
                    answers.put(question.id(), new Answer.DontKnowYet());
                    status.setText("Saved: " + Answer.NoAnswer.DONT_KNOW_YET.label() + ".");
                } else if (input.chosen() && input.answer().isPresent()) {
                    quizAttempts.answer(paper.attemptId(), question.id(), input.answer().get(), elapsed(question.id()));
                    answers.put(question.id(), input.answer().get());
                    status.setText("Answer saved.");
                } else {
                    quizAttempts.takeBackAnswer(paper.attemptId(), question.id());
                    recorded.remove(question.id());
                    answers.remove(question.id());
                    status.setText("");
                }
                input.setReadOnly(change.getValue());
                updateAnsweredCount();
            } catch (AnswerRejectedException refused) {
                status.setText(refused.getMessage());
            }
        });
        return dontKnow;
    }

    private long elapsed(String questionId) {
        return System.currentTimeMillis() - shownAt.getOrDefault(questionId, System.currentTimeMillis());
    }

    private static void showFeedback(Div area, QuestionFeedback feedback, QuestionPaper question) {
        area.removeAll();
        area.add(new FeedbackPanel(feedback, question));
    }

}

package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import org.compassioncourse.quiz.QuestionPaper;
import org.compassioncourse.quiz.QuizAttempts;
import org.compassioncourse.quiz.QuizAvailability;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
    private final Paragraph answeredCount = new Paragraph();
    /** The questions in page order (a knowledge check shows one of them at a time). */
    private List<QuestionPaper> questions = List.of();
    /** Answers and feedback recorded so far, from the attempt's paper and this page. */
    private final AnswersOnPage state = new AnswersOnPage();
    private @Nullable QuestionCards cards;
    /** Knowledge check: the one card on the page, where it sits, and the way between questions. */
    private final Div questionArea = new Div();
    private int position;
    private boolean oneAtATime;
    private @Nullable QuestionNavigation navigation;

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
            add(new FinalAssessmentStart(quizAvailability.finalStart(),
                    () -> begin(QuizSettings.Kind.FINAL_ASSESSMENT, null, availability)));
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
        state.load(paper);
        oneAtATime = immediate && paper.kind() == QuizSettings.Kind.KNOWLEDGE_CHECK;
        QuestionCards cards = new QuestionCards(course, quizAttempts, paper, state, oneAtATime, this::updateAnsweredCount);
        this.cards = cards;
        if (oneAtATime) {
            // one card at a time keeps a learner's session small; the first open question is where they left off
            // the position and the way on come first, where a phone shows them without scrolling past the card
            navigation = new QuestionNavigation(step -> moveTo(paper, position + step));
            add(navigation, questionArea);
            int firstOpen = 0;
            while (firstOpen < questions.size() && state.isRecorded(questions.get(firstOpen).id())) {
                firstOpen++;
            }
            showQuestion(paper, firstOpen < questions.size() ? firstOpen : 0);
        } else {
            int number = 0;
            for (QuestionPaper question : questions) {
                number++;
                add(cards.card(question, number, questions.size(), immediate, false));
            }
        }
        QuizMessage problem = new QuizMessage();
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
                problem.showClosedElsewhere(closedElsewhere);
                return;
            }
            if (paper.kind() == QuizSettings.Kind.PRE_TEST && !open.isEmpty() && !blanksConfirmed[0]) {
                // the pre-test may be submitted with blanks (they score 0, shown as "Not answered"), but it is taken once: ask first
                problem.askAboutBlanks(open.size(), questions.size());
                blanksConfirmed[0] = true;
                submit.setText("Submit with " + open.size() + (open.size() == 1 ? " question" : " questions") + " not answered");
                submit.setEnabled(true);
                return;
            }
            if (paper.kind() != QuizSettings.Kind.PRE_TEST && !open.isEmpty()) {
                if (oneAtATime) {
                    showQuestion(paper, open.getFirst() - 1);
                    problem.showOpenQuestions(open, Optional.empty());
                } else {
                    problem.showOpenQuestions(open, cards.card(questions.get(open.getFirst() - 1).id()));
                }
                submit.setEnabled(true);
                return;
            }
            try {
                AttemptResult result = quizAttempts.submit(paper.attemptId());
                UI.getCurrent().navigate(QuizReviewView.class, new RouteParameters("attemptId", String.valueOf(result.attemptId())));
            } catch (AttemptAlreadyClosedException closedElsewhere) {
                problem.showClosedElsewhere(closedElsewhere);
            } catch (AnswerRejectedException refused) {
                problem.setText(refused.getMessage());
                submit.setEnabled(true);
            }
        });
        add(problem, submit);
    }

    private void moveTo(AttemptPaper paper, int index) {
        showQuestion(paper, Math.clamp(index, 0, questions.size() - 1));
        // the button pressed stays where it is; the reader is taken to the question that replaced the last one
        if (cards != null) {
            cards.focusCards();
        }
    }

    /** Replaces the card on the page with question {@code index}, keeping an answer chosen but not checked on the one left. */
    private void showQuestion(AttemptPaper paper, int index) {
        QuestionCards cards = Objects.requireNonNull(this.cards);
        if (cards.anyShown() && position < questions.size()) {
            String left = questions.get(position).id();
            Optional<Answer> chosen = cards.chosenOnShownCard();
            if (!state.isRecorded(left) && chosen.isPresent()) {
                state.keepDraft(left, chosen.get());
            } else {
                state.dropDraft(left);
            }
        }
        position = index;
        cards.clear();
        state.clearChosen(); // the card left behind keeps its answer as a draft, which the count reads
        questionArea.removeAll();
        if (questions.isEmpty()) {
            return;
        }
        questionArea.add(cards.card(questions.get(index), index + 1, questions.size(), true, false));
        Objects.requireNonNull(navigation).showPosition(index, questions.size());
    }

    /** An answer chosen but not checked is the learner's answer all the same: finishing checks it. */
    private void recordUncheckedAnswers(AttemptPaper paper) {
        for (QuestionPaper question : questions) {
            String id = question.id();
            if (state.isRecorded(id)) {
                continue;
            }
            Answer draft = state.draft(id);
            if (!Objects.requireNonNull(cards).checkIfChosen(id) && draft != null) {
                quizAttempts.answer(paper.attemptId(), id, draft, state.elapsed(id)).ifPresent(given -> state.recordFeedback(id, given));
                state.record(id, draft);
            }
        }
        updateAnsweredCount();
    }

    private void updateAnsweredCount() {
        answeredCount.setText(state.answeredCount(questions));
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
}

package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.compassioncourse.base.Percent;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.AnswerRejectedException;
import org.compassioncourse.quiz.AttemptResult;
import org.compassioncourse.quiz.QuestionFeedback;
import org.compassioncourse.quiz.QuestionPaper;
import org.compassioncourse.quiz.AttemptAllowance;
import org.compassioncourse.quiz.StudyAdvice;
import org.compassioncourse.quiz.QuizScores;
import org.compassioncourse.quiz.QuizAvailability;
import org.compassioncourse.quiz.QuizResults;
import org.compassioncourse.quiz.ScorePercent;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One submitted attempt of the learner's: score, pass or fail, learning gain, and answer by answer review. */
@Route("quiz-review/:attemptId")
@PageTitle("Quiz result · Compassion Course")
@PermitAll
public class QuizReviewView extends Main implements BeforeEnterObserver {

    private final Course course;
    private final QuizResults quizResults;
    private final QuizAvailability quizAvailability;
    private final java.util.List<ResultPageExtra> extras;

    public QuizReviewView(Course course, QuizResults quizResults, QuizAvailability quizAvailability, java.util.List<ResultPageExtra> extras) {
        this.course = course;
        this.quizResults = quizResults;
        this.quizAvailability = quizAvailability;
        this.extras = extras;
        addClassNames("page", "quiz-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long attemptId;
        AttemptResult result;
        try {
            attemptId = Long.parseLong(event.getRouteParameters().get("attemptId").orElse(""));
            result = quizResults.finishedAttempt(attemptId);
        } catch (NumberFormatException | AnswerRejectedException notYours) {
            add(new H1("Result not found"), new Paragraph("There is no such attempt among yours."), new Anchor("", "Back to the course"));
            return;
        }
        H1 heading = new H1(switch (result.kind()) {
            case KNOWLEDGE_CHECK -> "Knowledge check result: " + course.lesson(result.lessonId()).map(l -> l.title()).orElse("");
            case PRE_TEST -> "Pre-test result";
            case FINAL_ASSESSMENT -> "Final assessment result";
        });
        scores = quizResults.myScores();
        add(heading, summary(result));
        if (result.kind() == QuizSettings.Kind.FINAL_ASSESSMENT && Boolean.TRUE.equals(result.passed())) {
            extras.forEach(extra -> extra.forPassedFinal().ifPresent(this::add)); // e.g. the completion moment
        }
        // the gain is between the counted pre-test and final: on any other attempt's page it would describe another one
        boolean counted = scores.counted(result.kind()).map(c -> c.attemptId() == result.attemptId()).orElse(false);
        if (result.kind() != QuizSettings.Kind.KNOWLEDGE_CHECK && counted) {
            scores.learningGain().ifPresent(gain -> {
                Paragraph gained = new Paragraph(learningGain(gain, scores));
                gained.setId("learning-gain");
                Details how = new Details("How is this worked out?", new Paragraph("The points you gained from the pre-test "
                        + "to the final, divided by the points still open after the pre-test: (final − pre-test) ÷ (100 − pre-test). "
                        + "For example, 40% before and 70% after is 30 of the 60 points that were open, a gain of 50%."));
                add(gained, how);
            });
        }
        if (!result.advice().isEmpty()) {
            add(advice(result));
        } else if (result.feedback().isEmpty()) {
            add(new Paragraph("This quiz does not show the key or feedback."));
        }
        Map<String, QuestionFeedback> feedback = result.feedback().stream()
                .collect(Collectors.toMap(QuestionFeedback::questionId, Function.identity()));
        int number = 0;
        for (QuestionPaper question : result.questions()) {
            number++;
            QuestionCard card = new QuestionCard(question, number, result.questions().size());
            QuestionInput input = QuestionInput.of(question, new CourseFigureSource(course));
            Optional.ofNullable(result.answers().get(question.id())).ifPresent(input::show);
            input.setReadOnly(true);
            card.addInput(input.component());
            Optional.ofNullable(result.answers().get(question.id())).filter(Answer::blank).ifPresent(blank -> {
                Paragraph said = new Paragraph("Your answer: " + blank.noAnswer().label() + " — counted as not right.");
                said.addClassName("blank-answer");
                said.setId("blank-" + question.id());
                card.add(said);
            });
            Optional.ofNullable(feedback.get(question.id())).ifPresent(f -> {
                card.add(new FeedbackPanel(f, question));
                input.showResult(f);
            });
            add(card);
        }
        if (result.kind() == QuizSettings.Kind.KNOWLEDGE_CHECK && result.lessonId() != null) {
            Button again = new Button("Try the knowledge check again", click -> getUI().ifPresent(ui ->
                    ui.navigate(QuizView.class, QuizView.parameters(QuizSettings.Kind.KNOWLEDGE_CHECK, result.lessonId()))));
            again.setId("try-again");
            add(again);
            // finishing the check finishes a lesson whose sections were all opened; else the lesson's last page does
            boolean finished = lessonFinished(result.lessonId());
            course.lesson(result.lessonId()).ifPresent(lesson -> {
                Anchor back = new Anchor("lesson/" + lesson.id() + "/" + lesson.lastSection().id(), finished
                        ? "Back to the end of lesson " + lesson.order() + ", to go on"
                        : "Back to the end of lesson " + lesson.order() + ", to finish it and go on");
                back.setId("back-to-lesson");
                add(new Paragraph(back));
            });
        }
        add(new Paragraph(new Anchor("", "Back to the course")));
    }

    private QuizScores scores = new QuizScores(java.util.List.of(), Map.of(), Map.of(), java.util.Set.of());

    /** The learning gain in words; a final below the pre-test is said as such, not as a negative share. */
    static String learningGain(double gain, QuizScores scores) {
        if (gain < 0) {
            return "Your final score (" + scores.counted(QuizSettings.Kind.FINAL_ASSESSMENT).map(s -> ScorePercent.format(s.scorePercent())).orElse("")
                    + ") is below your pre-test score (" + scores.counted(QuizSettings.Kind.PRE_TEST).map(s -> ScorePercent.format(s.scorePercent())).orElse("")
                    + "), so there is no learning gain to show yet.";
        }
        return "Your learning gain: " + Percent.format(gain) + " of what you could still learn after the pre-test.";
    }

    /** Whether this is a failed final attempt of a learner who has passed on another. */
    private boolean failedThenPassedLater(AttemptResult result) {
        return result.kind() == QuizSettings.Kind.FINAL_ASSESSMENT && Boolean.FALSE.equals(result.passed())
                && scores.passedFinal();
    }

    /** First what matters: the score, the pass mark, passed or not (in words and a symbol), and the next step. */
    private boolean lessonFinished(@org.jspecify.annotations.Nullable String lessonId) {
        return lessonId != null && quizAvailability.myLessonFinished(lessonId);
    }

    private Section summary(AttemptResult result) {
        Paragraph score = new Paragraph("Your score: " + ScorePercent.format(result.scorePercent())
                + (result.passed() == null ? "" : result.passed() ? " — passed ✓ (pass mark " + course.passMark() + "%)"
                : (failedThenPassedLater(result) ? " — not passed ✗" : " — not passed yet ✗") + " (pass mark " + course.passMark() + "%)"));
        score.setId("quiz-score");
        Paragraph next = new Paragraph(nextStep(result));
        next.setId("next-step");
        Section summary = new Section(score);
        noAnswers(result).ifPresent(summary::add);
        summary.add(next);
        summary.addClassName("result-summary");
        summary.setId("result-summary");
        return summary;
    }

    /** "I don't know yet: 3 questions. Not answered: 16 questions." — as the rest of the app names them. */
    static Optional<Paragraph> noAnswers(AttemptResult result) {
        java.util.List<String> counts = new java.util.ArrayList<>();
        for (Answer.NoAnswer which : Answer.NoAnswer.values()) {
            int n = result.count(which);
            if (n > 0) {
                counts.add(which.label() + ": " + n + (n == 1 ? " question" : " questions"));
            }
        }
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        Paragraph said = new Paragraph(String.join(". ", counts) + ". " + (counts.size() == 1 ? "It counts" : "Both count")
                + " as not right: that is your starting point, not a mistake.");
        said.setId("no-answer-counts");
        return Optional.of(said);
    }

    private String nextStep(AttemptResult result) {
        return switch (result.kind()) {
            case KNOWLEDGE_CHECK -> "Practice only: it does not count toward your grade. Read the explanations below"
                    + (lessonFinished(result.lessonId()) ? "; you have finished this lesson." : ", then finish the lesson.");
            case PRE_TEST -> "This is your starting point; it does not count toward passing. Next: the lessons, starting "
                    + "with the ones marked below.";
            case FINAL_ASSESSMENT -> {
                if (Boolean.TRUE.equals(result.passed())) {
                    yield "You have completed the course. Every question is below with its key and explanation.";
                }
                if (failedThenPassedLater(result)) {
                    yield "This is an earlier attempt, kept for your review: you passed the final assessment on a later one.";
                }
                QuizAvailability.Availability again = quizAvailability.availability(QuizSettings.Kind.FINAL_ASSESSMENT, null);
                AttemptAllowance attempts = quizAvailability.myFinalAttempts();
                if (again.available()) {
                    yield "Revisit the lessons marked below, then take the final assessment again"
                            + (attempts.limited() ? " (" + attempts.describeLeft() + ")." : ".");
                }
                yield "Revisit the lessons marked below. " + QuizView.unavailable(again)
                        + (attempts.limited() && attempts.mayStartAnother() ? " You have " + attempts.describeLeft() + "." : "");
            }
        };
    }

    /** While the key is held back: per lesson, secure or to revisit, with its objectives; no verdict per question. */
    private Section advice(AttemptResult result) {
        Paragraph heldBack = new Paragraph("The key and explanations appear once you have passed the final assessment, so that "
                + "a retake still tests what you learned. Here is what your answers show, lesson by lesson: a lesson is "
                + "secure when your answers on it together reach the pass mark.");
        heldBack.setId("key-held-back");
        UnorderedList lessons = new UnorderedList();
        lessons.setId("study-advice");
        for (StudyAdvice.LessonAdvice lesson : result.advice()) {
            Span verdict = new Span(lesson.secure() ? "✓ Secure" : "↻ Revisit");
            verdict.addClassName(lesson.secure() ? "outcome-right" : "outcome-wrong");
            Anchor link = new Anchor("lesson/" + lesson.lessonId(), "Lesson " + lesson.lessonOrder() + ": " + lesson.lessonTitle());
            ListItem item = new ListItem(verdict, new Span(" — "), link);
            if (!lesson.secure()) {
                UnorderedList objectives = new UnorderedList();
                objectives.addClassName("objectives");
                lesson.objectives().forEach(o -> objectives.add(new ListItem(o)));
                item.add(new Paragraph("Focus on what this lesson sets out to teach:"), objectives);
            }
            item.setId("advice-" + lesson.lessonId());
            item.addClassName("study-advice-item");
            lessons.add(item);
        }
        Section section = new Section(new H2("What to revisit"), heldBack, lessons);
        section.addClassName("study-advice");
        return section;
    }
}

package org.compassioncourse.quiz.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Question;
import org.compassioncourse.quiz.QuestionPaper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.compassioncourse.support.ApplicationTest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every question type on the quiz page, server-side, on the fixture course. */
@ApplicationTest
class QuizViewTest extends SpringBrowserlessTest {

    @Autowired
    Course course;

    private static final Map<String, String> KC = Map.of("kind", "knowledge-check", "lessonId", "first-lesson");

    @SuppressWarnings("unchecked")
    private <T> RadioButtonGroup<T> radios(String id) {
        return $(RadioButtonGroup.class).withId(id).single();
    }

    @SuppressWarnings("unchecked")
    private Select<QuestionPaper.Choice> select(String id) {
        return $(Select.class).withId(id).single();
    }

    private QuestionPaper.Choice item(RadioButtonGroup<QuestionPaper.Choice> group, String id) {
        return group.getListDataView().getItems().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private void check(String questionId) {
        test($(Button.class).withId("check-" + questionId).single()).click();
    }

    /** A knowledge check shows one question at a time: goes back to the first, then on to the one asked for. */
    private void open(String questionId) {
        while ($(Button.class).withId("previous-question").single().isEnabled()) {
            test($(Button.class).withId("previous-question").single()).click();
        }
        while ($(QuestionCard.class).withId("question-" + questionId).all().isEmpty()) {
            test($(Button.class).withId("next-question").single()).click();
        }
    }

    private String position() {
        return $(Paragraph.class).withId("question-position").single().getText();
    }

    private String page() {
        return ((com.vaadin.flow.component.Component) getCurrentView()).getElement().getOuterHTML();
    }

    @Test
    @WithCourseUser(email = "view.quiz.secret@ward7.example")
    void thePageHoldsNoKeyOrFeedbackUntilAQuestionIsAnswered() {
        navigate(QuizView.class, KC);
        String before = page();
        for (Question question : course.questions()) {
            for (String secret : org.compassioncourse.quiz.QuizAttemptsTest.secretsOf(question)) {
                assertThat(before).doesNotContain(secret);
            }
        }
        assertThat(before).doesNotContain("data-correct").doesNotContain("Answer: ");

        open("first-single");
        RadioButtonGroup<QuestionPaper.Choice> single = radios("answer-first-single");
        assertThat(single.getAriaLabel()).as("the answer group is named after its question")
                .hasValueSatisfying(label -> assertThat(label).matches("Your answer to question \\d+: .+\\?"));
        test(single).selectItem("Feeling for someone, wanting to help");
        check("first-single");

        String after = page();
        assertThat(after).contains("That describes compassion, which adds the motivation to help.").contains("✗ Not correct");
        assertThat(after).as("other questions stay secret").doesNotContain("Yes, the cerebellum too.");
        assertThat(single.isReadOnly()).isTrue();
    }

    @Test
    @WithCourseUser(email = "view.quiz.types@ward7.example")
    void everyQuestionTypeCanBeAnsweredAndChecked() {
        navigate(QuizView.class, KC);
        StringBuilder shown = new StringBuilder();

        open("first-multi");
        @SuppressWarnings("unchecked")
        CheckboxGroup<QuestionPaper.Choice> multi = $(CheckboxGroup.class).withId("answer-first-multi").single();
        multi.setValue(multi.getListDataView().getItems().filter(c -> Set.of("ai", "cb").contains(c.id())).collect(Collectors.toSet()));
        check("first-multi");
        shown.append(page());

        open("first-matching");

        for (String left : List.of("singer", "fan")) {
            Select<QuestionPaper.Choice> s = select("match-first-matching-" + left);
            s.setValue(s.getListDataView().getItems().filter(c -> c.id().equals(left)).findFirst().orElseThrow());
        }
        check("first-matching");
        shown.append(page());

        open("first-categorise");

        RadioButtonGroup<QuestionPaper.Choice> r1 = radios("categorise-first-categorise-r1");
        r1.setValue(item(r1, "empathy"));
        RadioButtonGroup<QuestionPaper.Choice> r2 = radios("categorise-first-categorise-r2");
        r2.setValue(item(r2, "empathy"));
        check("first-categorise");
        shown.append(page());

        open("first-hotspot");

        Select<QuestionPaper.Choice> region = select("hotspot-first-hotspot");
        region.setValue(region.getListDataView().getItems().filter(c -> c.id().equals("cerebellum")).findFirst().orElseThrow());
        check("first-hotspot");
        shown.append(page());

        open("first-ordering");
        check("first-ordering");
        shown.append(page());

        String html = shown.toString();
        assertThat(html).contains("Yes, the cerebellum too.").contains("✓ Correct");
        assertThat(html).contains("Fan and colleagues pooled forty studies.");
        assertThat(html).contains("◐ Partly correct (50%)");
        assertThat(html).contains("That is the cerebellum, at the back.");
        assertThat(html).contains("Then you act.");

        open("first-single");
        test(radios("answer-first-single")).selectItem("Feeling with someone");
        test($(Button.class).withId("submit-quiz").single()).click();
        assertThat(getCurrentView()).isInstanceOf(QuizReviewView.class);
        var lesson = course.lesson("first-lesson").orElseThrow();
        assertThat($(com.vaadin.flow.component.html.Anchor.class).withId("back-to-lesson").single().getHref())
                .as("the result leads back to where the lesson is finished").isEqualTo("lesson/first-lesson/" + lesson.lastSection().id());
    }

    @Test
    @WithCourseUser(email = "view.quiz.order@ward7.example")
    void orderingIsArrangedWithMoveButtonsByKeyboard() {
        navigate(QuizView.class, KC);
        open("first-ordering");
        List<Button> moves = $(Button.class).all().stream()
                .filter(b -> "Move up".equals(b.getText()) && b.isEnabled()).toList();
        assertThat(moves).isNotEmpty();
        assertThat(moves.getFirst().getElement().getAttribute("aria-label")).startsWith("Move \"");
    }

    @Test
    @WithCourseUser(email = "view.quiz.final.start@ward7.example")
    void theFinalStartsFromAPageStatingAttemptsPassMarkAndTimeToAllowAndOnlyTheButtonStartsAnAttempt(
            @Autowired org.compassioncourse.progress.ProgressService progress, @Autowired org.compassioncourse.quiz.QuizAvailability quizzes) {
        course.lessons().forEach(lesson -> {
            progress.reachSection(lesson.id(), lesson.firstSection().id());
            progress.completeLesson(lesson.id());
        });
        navigate(QuizView.class, Map.of("kind", "final-assessment"));

        String facts = $(com.vaadin.flow.component.html.UnorderedList.class).withId("final-start-facts").single().getElement().getTextRecursively();
        assertThat(facts).contains("1 question", "Pass mark: 75%.", "You may take it again if you do not pass (a new attempt opens 30 minutes after the last).",
                "Allow about 5 minutes. There is no time limit");
        assertThat($(QuestionCard.class).all()).as("no question before the learner starts").isEmpty();
        assertThat(quizzes.myOpenAttempt(org.compassioncourse.content.QuizSettings.Kind.FINAL_ASSESSMENT, null)).isEmpty();

        test($(Button.class).withId("start-final").single()).click();

        assertThat(quizzes.myOpenAttempt(org.compassioncourse.content.QuizSettings.Kind.FINAL_ASSESSMENT, null)).isPresent();
        assertThat($(QuestionCard.class).all()).hasSize(1);
        navigate(QuizView.class, Map.of("kind", "final-assessment"));
        assertThat($(QuestionCard.class).all()).as("an attempt under way resumes at once").hasSize(1);
    }

    @Test
    void aFinalBelowThePreTestIsSaidInWordsNotAsANegativeGain() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        var scores = new org.compassioncourse.quiz.QuizScores(List.of(), Map.of(
                org.compassioncourse.content.QuizSettings.Kind.PRE_TEST,
                new org.compassioncourse.quiz.AttemptScore(1, org.compassioncourse.content.QuizSettings.Kind.PRE_TEST, null, 45, null, at),
                org.compassioncourse.content.QuizSettings.Kind.FINAL_ASSESSMENT,
                new org.compassioncourse.quiz.AttemptScore(2, org.compassioncourse.content.QuizSettings.Kind.FINAL_ASSESSMENT, null, 40, false, at)),
                Map.of(), Set.of());
        assertThat(QuizReviewView.learningGain(scores.learningGain().orElseThrow(), scores))
                .isEqualTo("Your final score (40%) is below your pre-test score (45%), so there is no learning gain to show yet.");
        assertThat(QuizReviewView.learningGain(0.5, scores)).isEqualTo("Your learning gain: 50% of what you could still learn after the pre-test.");
    }

    @Test
    @WithCourseUser(email = "view.quiz.failed.then.passed@ward7.example")
    void anEarlierFailedFinalReadsAsAnEarlierAttemptOnceALaterOnePassed(@Autowired org.compassioncourse.quiz.QuizAttempts quizzes,
            @Autowired org.compassioncourse.progress.ProgressService progress, @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc) {
        course.lessons().forEach(lesson -> {
            progress.reachSection(lesson.id(), lesson.firstSection().id());
            progress.completeLesson(lesson.id());
        });
        var kind = org.compassioncourse.content.QuizSettings.Kind.FINAL_ASSESSMENT;
        var failed = quizzes.startOrResume(kind, null);
        failed.questions().forEach(q -> quizzes.answer(failed.attemptId(), q.id(),
                org.compassioncourse.support.KeyedAnswers.wrong(course, course.question(q.id()).orElseThrow()), 500));
        quizzes.submit(failed.attemptId());
        // the retake's cool-down has passed
        jdbc.update("update quiz_attempt set submitted_at = submitted_at - interval '2' hour, started_at = started_at - interval '2' hour where id = ?",
                failed.attemptId());
        var passed = quizzes.startOrResume(kind, null);
        passed.questions().forEach(q -> quizzes.answer(passed.attemptId(), q.id(),
                org.compassioncourse.support.KeyedAnswers.right(course.question(q.id()).orElseThrow()), 500));
        quizzes.submit(passed.attemptId());

        navigate(QuizReviewView.class, Map.of("attemptId", String.valueOf(failed.attemptId())));

        assertThat($(Paragraph.class).withId("quiz-score").single().getText()).isEqualTo("Your score: 0% — not passed ✗ (pass mark 75%)");
        assertThat($(Paragraph.class).withId("next-step").single().getText()).startsWith("This is an earlier attempt")
                .doesNotContain("You have passed the final assessment. You can review");
        assertThat($(Paragraph.class).withId("learning-gain").all()).as("the gain belongs to the counted attempt's page").isEmpty();
    }

    @Test
    @WithCourseUser(email = "view.quiz.kc.finished@ward7.example")
    void aKnowledgeCheckResultDoesNotAskToFinishALessonAlreadyFinished(@Autowired org.compassioncourse.quiz.QuizAttempts quizzes,
            @Autowired org.compassioncourse.progress.ProgressService progress) {
        var lesson = course.lessons().getFirst();
        var kind = org.compassioncourse.content.QuizSettings.Kind.KNOWLEDGE_CHECK;
        var before = quizzes.startOrResume(kind, lesson.id());
        before.questions().forEach(q -> quizzes.answer(before.attemptId(), q.id(),
                org.compassioncourse.support.KeyedAnswers.right(course.question(q.id()).orElseThrow()), 500));
        navigate(QuizReviewView.class, Map.of("attemptId", String.valueOf(quizzes.submit(before.attemptId()).attemptId())));
        assertThat($(Paragraph.class).withId("next-step").single().getText()).endsWith("then finish the lesson.");

        progress.reachSection(lesson.id(), lesson.firstSection().id());
        progress.completeLesson(lesson.id());
        var after = quizzes.startOrResume(kind, lesson.id());
        after.questions().forEach(q -> quizzes.answer(after.attemptId(), q.id(),
                org.compassioncourse.support.KeyedAnswers.right(course.question(q.id()).orElseThrow()), 500));
        navigate(QuizReviewView.class, Map.of("attemptId", String.valueOf(quizzes.submit(after.attemptId()).attemptId())));
        assertThat($(Paragraph.class).withId("next-step").single().getText()).endsWith("you have finished this lesson.");
    }

    @Test
    void theStartPageSaysWhichAttemptThisIsAndHowManyRemainAfterIt() {
        assertThat(FinalAssessmentStart.attemptsBeforeStart(new org.compassioncourse.quiz.AttemptAllowance(0, 3, false), 60))
                .isEqualTo("This will be attempt 1 of 3. An attempt counts once you start it; after this one you have 2 attempts left.");
        assertThat(FinalAssessmentStart.attemptsBeforeStart(new org.compassioncourse.quiz.AttemptAllowance(1, 3, false), 60))
                .endsWith("after this one you have 1 attempt left.");
        assertThat(FinalAssessmentStart.attemptsBeforeStart(new org.compassioncourse.quiz.AttemptAllowance(2, 3, false), 60))
                .isEqualTo("This will be attempt 3 of 3. An attempt counts once you start it; after this one you have none left.");
    }

    @Test
    @WithCourseUser(email = "view.quiz.pre@ward7.example")
    void preTestSavesAnswersAsTheyChangeAndShowsTheResultAfterSubmission() {
        navigate(QuizView.class, Map.of("kind", "pre-test"));

        RadioButtonGroup<QuestionPaper.Choice> group = $(RadioButtonGroup.class).all().stream()
                .map(g -> (RadioButtonGroup<QuestionPaper.Choice>) g).findFirst().orElseThrow();
        test(group).selectItem(group.getListDataView().getItems().findFirst().orElseThrow().text());
        assertThat(page()).contains("Answer saved.");
        test($(Button.class).withId("submit-quiz").single()).click();

        assertThat(getCurrentView()).isInstanceOf(QuizReviewView.class);
        assertThat($(Paragraph.class).withId("quiz-score").single().getText()).startsWith("Your score: ");
        assertThat(page()).as("the key waits until the final is passed").doesNotContain("Answer: ");
        assertThat($(Paragraph.class).withId("key-held-back").single().getText()).contains("once you have passed the final");
        // the summary comes first; then per lesson, secure or to revisit (in words and a symbol), never a verdict per question
        assertThat($(com.vaadin.flow.component.html.Section.class).withId("result-summary").single().getElement().getTextRecursively())
                .contains("Your score: ").contains("starting point");
        assertThat($(com.vaadin.flow.component.html.ListItem.class).withId("advice-first-lesson").single().getElement().getTextRecursively())
                .matches("(✓ Secure|↻ Revisit) — Lesson 1: .+");
        assertThat($(QuestionCard.class).all()).as("no question-by-question result").isEmpty();
    }

    @Test
    @WithCourseUser(email = "view.quiz.dontknow@ward7.example")
    void preTestOffersIDontKnowYetWhichIsShownAsSuchOnTheResult() {
        navigate(QuizView.class, Map.of("kind", "pre-test"));
        com.vaadin.flow.component.checkbox.Checkbox dontKnow = $(com.vaadin.flow.component.checkbox.Checkbox.class).single();
        assertThat(dontKnow.getLabel()).isEqualTo("I don't know yet");
        test(dontKnow).click();
        assertThat(page()).contains("Saved: I don't know yet.");
        assertThat($(Paragraph.class).withId("answered-count").single().getText()).as("counted at once, as what it is")
                .isEqualTo("1 of 1 answered (1 with \"I don't know yet\")");
        test($(Button.class).withId("submit-quiz").single()).click();

        assertThat(getCurrentView()).isInstanceOf(QuizReviewView.class);
        assertThat($(Paragraph.class).withId("quiz-score").single().getText()).isEqualTo("Your score: 0%");
        assertThat($(Paragraph.class).withId("no-answer-counts").single().getText()).startsWith("I don't know yet: 1 question.");
        assertThat($(com.vaadin.flow.component.html.ListItem.class).withId("advice-first-lesson").single().getElement().getTextRecursively())
                .as("counted as not right: the lesson is one to revisit").startsWith("↻ Revisit");
    }

    @Test
    @WithCourseUser(email = "view.quiz.blank@ward7.example")
    void preTestCanBeSubmittedWithAQuestionLeftBlankOnceTheLearnerConfirmsSinceItIsTakenOnce() {
        navigate(QuizView.class, Map.of("kind", "pre-test"));
        test($(Button.class).withId("submit-quiz").single()).click();

        assertThat(getCurrentView()).as("asked first: the pre-test is taken once").isInstanceOf(QuizView.class);
        assertThat($(Paragraph.class).withId("quiz-message").single().getText()).startsWith("1 of 1 question is not answered. The pre-test is taken once");
        assertThat($(Button.class).withId("submit-quiz").single().getText()).isEqualTo("Submit with 1 question not answered");
        test($(Button.class).withId("submit-quiz").single()).click();

        assertThat(getCurrentView()).isInstanceOf(QuizReviewView.class);
        assertThat($(Paragraph.class).withId("quiz-score").single().getText()).isEqualTo("Your score: 0%");
        assertThat($(Paragraph.class).withId("no-answer-counts").single().getText()).as("the result says what the 0% is made of")
                .startsWith("Not answered: 1 question.");
        assertThat($(com.vaadin.flow.component.html.ListItem.class).withId("advice-first-lesson").single().getElement().getTextRecursively())
                .startsWith("↻ Revisit");
    }

    @Test
    @WithCourseUser(email = "view.quiz.retry@ward7.example")
    void aCheckedKnowledgeCheckQuestionCanBeTriedAgainOnItsOwn() {
        navigate(QuizView.class, KC);
        open("first-single");
        RadioButtonGroup<QuestionPaper.Choice> single = radios("answer-first-single");
        assertThat($(Button.class).withId("retry-first-single").all()).as("offered only once checked").isEmpty();
        test(single).selectItem("Feeling for someone, wanting to help");
        check("first-single");
        assertThat(page()).contains("✗ Not correct");

        test($(Button.class).withId("retry-first-single").single()).click();

        RadioButtonGroup<QuestionPaper.Choice> again = radios("answer-first-single");
        assertThat(again.getValue()).as("the answer is cleared").isNull();
        assertThat(again.isReadOnly()).isFalse();
        test(again).selectItem("Feeling with someone");
        check("first-single");
        assertThat($(QuestionCard.class).withId("question-first-single").single().getElement().getTextRecursively()).contains("✓ Correct");
    }

    @Test
    @WithCourseUser(email = "view.quiz.unchecked@ward7.example")
    void finishingAKnowledgeCheckCountsAnswersChosenButNotCheckedAndNamesOnlyTheUntouchedQuestions() {
        navigate(QuizView.class, KC);
        int total = Integer.parseInt(position().replaceAll(".* of ", ""));
        open("first-single");
        RadioButtonGroup<QuestionPaper.Choice> single = radios("answer-first-single");
        test(single).selectItem("Feeling for someone, wanting to help");
        assertThat($(Paragraph.class).withId("answered-count").single().getText())
                .as("chosen counts as answered, since finishing checks it, and says it is not checked")
                .isEqualTo("1 of " + total + " answered (1 not checked yet)");
        // no "Check answer": the learner moves on to another question and leaves it open, then goes to Finish
        open("first-multi");
        assertThat($(Paragraph.class).withId("answered-count").single().getText()).as("still counted on another question")
                .isEqualTo("1 of " + total + " answered (1 not checked yet)");
        open("first-single");
        assertThat(radios("answer-first-single").getValue()).as("the choice is kept while moving").isNotNull();
        open("first-multi");
        test($(Button.class).withId("submit-quiz").single()).click();

        String message = $(com.vaadin.flow.component.html.Paragraph.class).withId("quiz-message").single().getText();
        List<String> named = java.util.regex.Pattern.compile("\\d+").matcher(message).results().map(m -> m.group()).toList();
        assertThat(message).contains("not answered yet");
        assertThat(named).as("every question but the one answered").hasSize(total - 1);
        assertThat(position()).as("the page takes the learner to the first open question").isEqualTo("Question " + named.getFirst() + " of " + total);
        open("first-single");
        assertThat(radios("answer-first-single").isReadOnly()).as("the chosen answer was checked on the way").isTrue();
        assertThat(page()).contains("That describes compassion, which adds the motivation to help.");
    }

    @Test
    @WithCourseUser(email = "view.quiz.onebyone@ward7.example")
    void aKnowledgeCheckShowsOneQuestionAtATimeAndKeepsCheckedFeedbackWhenTheLearnerComesBack() {
        navigate(QuizView.class, KC);
        assertThat($(QuestionCard.class).all()).as("one question card on the page").hasSize(1);
        assertThat(position()).startsWith("Question 1 of ");
        assertThat(page().split("Question 1 of ", -1)).as("the position is said once, above the card, not again inside it").hasSize(2);
        assertThat(page().indexOf("id=\"question-position\"")).as("above the card, so a phone shows it without scrolling")
                .isLessThan(page().indexOf("question-card"));
        assertThat($(Button.class).withId("previous-question").single().isEnabled()).isFalse();
        assertThat($(Button.class).withId("retry-first-single").all()).isEmpty();

        open("first-single");
        String where = position();
        test(radios("answer-first-single")).selectItem("Feeling for someone, wanting to help");
        check("first-single");
        assertThat($(Paragraph.class).withId("answered-count").single().getText()).startsWith("1 of ");

        // the questions come in a random order: move away by whichever button leads somewhere, and come back by the other
        boolean last = !$(Button.class).withId("next-question").single().isEnabled();
        String away = last ? "previous-question" : "next-question";
        String back = last ? "next-question" : "previous-question";
        test($(Button.class).withId(away).single()).click();
        assertThat($(QuestionCard.class).all()).as("the card is replaced, not hidden").hasSize(1)
                .noneMatch(card -> "question-first-single".equals(card.getId().orElse("")));
        assertThat(page()).doesNotContain("That describes compassion, which adds the motivation to help.");
        assertThat(position()).isNotEqualTo(where);

        test($(Button.class).withId(back).single()).click();
        assertThat(position()).isEqualTo(where);
        assertThat(radios("answer-first-single").isReadOnly()).as("the checked answer shows again").isTrue();
        assertThat(this.<QuestionPaper.Choice>radios("answer-first-single").getValue().text()).isEqualTo("Feeling for someone, wanting to help");
        assertThat(page()).contains("That describes compassion, which adds the motivation to help.").contains("✗ Not correct");
        assertThat($(Button.class).withId("retry-first-single").all()).as("trying again is offered on the checked question").hasSize(1);
        assertThat($(Button.class).withId("check-first-single").single().isEnabled()).isFalse();

        navigate(QuizView.class, KC);
        assertThat(position()).as("a page opened again starts at the first open question").isNotEqualTo(where);
        assertThat($(QuestionCard.class).all()).hasSize(1);
    }

    @Test
    void theViewWritesWhenAQuizReopensTheServiceOnlyGivesTheInstant() {
        var notYet = new org.compassioncourse.quiz.QuizAvailability.Availability(false, java.time.Instant.parse("2026-03-03T14:05:00Z"),
                "A new attempt opens 30 minutes after your last attempt.");
        assertThat(QuizView.unavailable(notYet)).isEqualTo("You can try again from 14:05 UTC on 3 Mar. A new attempt opens 30 minutes after your last attempt.");
    }

    @Test
    void openQuestionsAreNamedByTheirNumbersOnThePage() {
        assertThat(QuizMessage.openQuestionsMessage(List.of(14))).isEqualTo("Question 14 is not answered yet.");
        assertThat(QuizMessage.openQuestionsMessage(List.of(3, 14))).isEqualTo("Questions 3 and 14 are not answered yet.");
        assertThat(QuizMessage.openQuestionsMessage(List.of(2, 5, 9))).isEqualTo("Questions 2, 5 and 9 are not answered yet.");
    }

    @Test
    @WithCourseUser(email = "view.quiz.history@ward7.example")
    void pastAttemptsAreListedOnMyProgressWithALinkToTheirReview() {
        navigate(org.compassioncourse.progress.ui.MyProgressView.class);
        assertThat(page()).contains("No quiz attempts yet.");

        navigate(QuizView.class, Map.of("kind", "pre-test"));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<QuestionPaper.Choice> group = $(RadioButtonGroup.class).first();
        test(group).selectItem(group.getListDataView().getItems().findFirst().orElseThrow().text());
        test($(Button.class).withId("submit-quiz").single()).click();
        String review = ((QuizReviewView) getCurrentView()).getElement().getAttribute("class");
        assertThat(review).contains("quiz-page");

        navigate(org.compassioncourse.progress.ui.MyProgressView.class);
        List<com.vaadin.flow.component.html.Anchor> links = $(com.vaadin.flow.component.html.Anchor.class).all().stream()
                .filter(a -> a.getHref().startsWith("quiz-review/")).toList();
        assertThat(links).singleElement().satisfies(link -> assertThat(link.getText()).startsWith("Pre-test: "));
    }

    @Autowired
    org.compassioncourse.quiz.QuizAttempts quizService;
    @Autowired
    org.compassioncourse.progress.ProgressService progress;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    @WithCourseUser(email = "view.quiz.twotabs@ward7.example")
    void aFinalSubmittedInAnotherTabAtTheSameMomentIsReportedAsAlreadySubmittedNotAsUnansweredQuestions() throws Exception {
        for (org.compassioncourse.content.Lesson lesson : course.lessons()) {
            progress.reachSection(lesson.id(), lesson.firstSection().id());
            progress.completeLesson(lesson.id());
        }
        // this tab opened the final (through its start page) and answered nothing here; another tab answers every question
        navigate(QuizView.class, Map.of("kind", "final-assessment"));
        test($(Button.class).withId("start-final").single()).click();
        org.compassioncourse.quiz.AttemptPaper paper = quizService.startOrResume(org.compassioncourse.content.QuizSettings.Kind.FINAL_ASSESSMENT, null);
        for (QuestionPaper question : paper.questions()) {
            quizService.answer(paper.attemptId(), question.id(),
                    org.compassioncourse.support.KeyedAnswers.right(course.question(question.id()).orElseThrow()), 1000);
        }
        // ... and submits it, its transaction still open when this tab's learner clicks Submit
        var signedIn = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var submitting = new java.util.concurrent.CountDownLatch(1);
        try (var otherTab = java.util.concurrent.Executors.newSingleThreadExecutor()) {
            var submitted = otherTab.submit(() -> {
                org.springframework.security.core.context.SecurityContextHolder.setContext(signedIn);
                new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
                    quizService.submit(paper.attemptId());
                    submitting.countDown();
                    try {
                        Thread.sleep(400);
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                    }
                });
                return null;
            });
            assertThat(submitting.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            test($(Button.class).withId("submit-quiz").single()).click();
            submitted.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }

        assertThat(page()).contains("already submitted").doesNotContain("not answered");
        assertThat($(com.vaadin.flow.component.html.Anchor.class).withId("already-submitted-result").single().getHref())
                .isEqualTo("quiz-review/" + paper.attemptId());
    }
}

package org.compassioncourse.quiz;

import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.ProgressService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Taking quizzes (with what they open and the results they give) on the small fixture course, which has every question type and one assessment blueprint slot. */
@ApplicationTest
public class QuizAttemptsTest {

    @Autowired
    QuizAvailability quizAvailability;
    @Autowired
    QuizAttempts quizAttempts;
    @Autowired
    QuizResults quizResults;
    @Autowired
    Course course;
    @Autowired
    Learners people;
    @Autowired
    QuizResponseRepository responses;
    @Autowired
    ProgressService progress;

    /** Whatever the test submitted, the stored counted result follows the one rule. */
    @org.junit.jupiter.api.AfterEach
    void storedCountedResultsFollowTheRule(@Autowired org.springframework.jdbc.core.JdbcTemplate jdbc) {
        StoredResultsAgree.check(jdbc, course);
    }

    /** The final assessment opens once every lesson is completed. */
    private void readEveryLesson() {
        course.lessons().forEach(lesson -> {
            progress.reachSection(lesson.id(), lesson.firstSection().id());
            progress.completeLesson(lesson.id());
        });
    }

    /** A fully correct answer to a fixture question, built from the bank's key. */
    private Answer rightAnswer(String questionId) {
        Question question = course.question(questionId).orElseThrow();
        return switch (question.body()) {
            case Question.Choice c -> new Answer.Choices(Set.copyOf(c.correct()));
            case Question.TrueFalse t -> new Answer.TrueOrFalse(t.answer());
            case Question.Matching m -> new Answer.Matches(m.pairs().stream().collect(java.util.stream.Collectors.toMap(Question.Pair::id, Question.Pair::id)));
            case Question.Categorise c -> new Answer.Categories(c.items().stream().collect(java.util.stream.Collectors.toMap(Question.Item::id, Question.Item::category)));
            case Question.Ordering o -> new Answer.Order(o.items().stream().map(Question.Item::id).toList());
            case Question.Hotspot h -> new Answer.Region(h.answerRegion());
        };
    }

    private Answer wrongTrueFalse(String questionId) {
        return new Answer.TrueOrFalse(!((Question.TrueFalse) course.question(questionId).orElseThrow().body()).answer());
    }

    @Test
    @WithCourseUser(email = "quiz.papers@ward7.example")
    void papersSentToThePageCarryNoKeyAndNoFeedback() {
        AttemptPaper paper = quizAttempts.startOrResume(QuizSettings.Kind.KNOWLEDGE_CHECK, "first-lesson");

        String everythingSent = paper.toString();
        for (Question question : course.questions()) {
            for (String secret : secretsOf(question)) {
                assertThat(everythingSent).as("paper of %s leaks '%s'", question.id(), secret).doesNotContain(secret);
            }
        }
        assertThat(paper.questions()).extracting(QuestionPaper::id).containsExactlyInAnyOrder("first-single", "first-multi",
                "first-matching", "first-categorise", "first-ordering", "first-hotspot");
        assertThat(paper.feedback()).isEmpty();
    }

    public static List<String> secretsOf(Question question) {
        return switch (question.body()) {
            case Question.Choice c -> c.options().stream().map(Question.Option::feedback).toList();
            case Question.TrueFalse t -> List.of(t.feedbackIfTrue(), t.feedbackIfFalse());
            case Question.Matching m -> m.pairs().stream().map(Question.Pair::feedback).toList();
            case Question.Categorise c -> c.items().stream().map(Question.Item::feedback).toList();
            case Question.Ordering o -> o.items().stream().map(Question.Item::feedback).toList();
            case Question.Hotspot h -> List.of(h.feedbackCorrect(), h.feedbackIncorrect());
        };
    }

    @Test
    @WithCourseUser(email = "quiz.check@ward7.example")
    void knowledgeCheckGivesFeedbackAfterEachAnswerAndADoubleClickRecordsOneResponse() {
        AttemptPaper paper = quizAttempts.startOrResume(QuizSettings.Kind.KNOWLEDGE_CHECK, "first-lesson");
        Answer answer = new Answer.Choices(Set.of("ai"));

        Optional<QuestionFeedback> first = quizAttempts.answer(paper.attemptId(), "first-multi", answer, 4000);
        Optional<QuestionFeedback> again = quizAttempts.answer(paper.attemptId(), "first-multi", answer, 4100);

        assertThat(first).isPresent();
        assertThat(first.get().score()).isEqualTo(0.5);
        assertThat(first.get().key()).isEqualTo("Anterior insula; Cerebellum");
        assertThat(first.get().lines()).extracting(QuestionFeedback.Line::text).contains("Not reported in this study.");
        assertThat(first.get().sectionTitle()).as("every lesson has such sections: name the lesson").isEqualTo("Lesson 1, Sharing pain");
        assertThat(again).contains(first.get());
        assertThat(responses.findByAttemptId(paper.attemptId())).hasSize(1);
        assertThatThrownBy(() -> quizAttempts.answer(paper.attemptId(), "first-multi", new Answer.Choices(Set.of("ai", "cb")), 100))
                .isInstanceOf(AnswerRejectedException.class).hasMessageContaining("already answered");
    }

    @Test
    @WithCourseUser(email = "quiz.retry@ward7.example")
    void oneCheckedKnowledgeCheckQuestionCanBeTriedAgainWithoutRestartingTheCheck() {
        AttemptPaper paper = quizAttempts.startOrResume(QuizSettings.Kind.KNOWLEDGE_CHECK, "first-lesson");
        assertThat(quizResults.knowledgeChecksTried()).isEmpty();
        quizAttempts.answer(paper.attemptId(), "first-single", new Answer.Choices(Set.of("for")), 1000);
        assertThat(quizResults.knowledgeChecksTried()).as("tried once an answer is checked, before finishing").containsExactly("first-lesson");

        quizAttempts.takeBackAnswer(paper.attemptId(), "first-single");
        Optional<QuestionFeedback> second = quizAttempts.answer(paper.attemptId(), "first-single", rightAnswer("first-single"), 900);

        assertThat(second).hasValueSatisfying(f -> assertThat(f.correct()).isTrue());
        assertThat(quizAttempts.startOrResume(QuizSettings.Kind.KNOWLEDGE_CHECK, "first-lesson").attemptId())
                .as("the same attempt goes on").isEqualTo(paper.attemptId());
        assertThat(responses.findByAttemptId(paper.attemptId())).singleElement()
                .satisfies(r -> assertThat(r.score()).isEqualTo(1.0));
    }

    @Test
    @WithCourseUser(email = "quiz.dontknow@ward7.example")
    void preTestTakesIDontKnowYetAsAnAnswerScoredZeroWhileTheFinalDoesNot() {
        AttemptPaper pre = quizAttempts.startOrResume(QuizSettings.Kind.PRE_TEST, null);
        String question = pre.questions().getFirst().id();
        quizAttempts.answer(pre.attemptId(), question, new Answer.DontKnowYet(), 500);

        AttemptResult result = quizAttempts.submit(pre.attemptId());

        assertThat(result.scorePercent()).isZero();
        assertThat(result.advice()).as("the key is held back: advice per lesson").singleElement()
                .satisfies(lesson -> assertThat(lesson.secure()).isFalse());
        assertThat(AnswerCodec.decode(responses.findByAttemptIdAndQuestionId(pre.attemptId(), question).orElseThrow().answer()))
                .isEqualTo(new Answer.DontKnowYet());
        readEveryLesson();

        AttemptPaper fin = quizAttempts.startOrResume(QuizSettings.Kind.FINAL_ASSESSMENT, null);
        String finalQuestion = fin.questions().getFirst().id();
        assertThatThrownBy(() -> quizAttempts.answer(fin.attemptId(), finalQuestion, new Answer.DontKnowYet(), 1))
                .isInstanceOf(AnswerRejectedException.class).hasMessageContaining("pre-test");
        assertThatThrownBy(() -> quizAttempts.submit(fin.attemptId())).as("the final still needs every answer")
                .hasMessage("One question is not answered yet.");
    }

    @Test
    @WithCourseUser(email = "quiz.blank@ward7.example")
    void preTestCanBeSubmittedWithQuestionsLeftBlankWhichScoreZeroAndShowAsNotAnswered() {
        AttemptPaper pre = quizAttempts.startOrResume(QuizSettings.Kind.PRE_TEST, null);
        String question = pre.questions().getFirst().id();

        AttemptResult result = quizAttempts.submit(pre.attemptId());

        assertThat(result.scorePercent()).isZero();
        assertThat(result.advice()).singleElement().satisfies(lesson -> assertThat(lesson.secure()).isFalse());
        assertThat(result.count(Answer.NoAnswer.NOT_ANSWERED)).as("the result counts it while the key is held back").isEqualTo(1);
        assertThat(result.count(Answer.NoAnswer.DONT_KNOW_YET)).isZero();
        QuizResponse stored = responses.findByAttemptIdAndQuestionId(pre.attemptId(), question).orElseThrow();
        assertThat(AnswerCodec.decode(stored.answer())).as("a blank is stored as one on submission, so every report reads it alike")
                .isEqualTo(new Answer.Unanswered());
        assertThat(stored.score()).isZero();
    }

    @Test
    @WithCourseUser(email = "quiz.kc.finishes@ward7.example")
    void finishingAKnowledgeCheckFinishesItsLessonOnceEverySectionWasOpened() {
        var lesson = course.lessons().getFirst();
        progress.reachSection(lesson.id(), lesson.firstSection().id());
        Runnable finishTheCheck = () -> {
            AttemptPaper paper = quizAttempts.startOrResume(QuizSettings.Kind.KNOWLEDGE_CHECK, lesson.id());
            paper.questions().forEach(q -> quizAttempts.answer(paper.attemptId(), q.id(), rightAnswer(q.id()), 500));
            quizAttempts.submit(paper.attemptId());
        };

        finishTheCheck.run();
        assertThat(progress.myProgress().lessons().getFirst().status()).as("sections skipped: finished on its last page, where they are named")
                .isNotEqualTo(org.compassioncourse.progress.LessonStatus.COMPLETED);

        lesson.sections().forEach(section -> progress.reachSection(lesson.id(), section.id()));
        finishTheCheck.run();
        assertThat(progress.myProgress().lessons().getFirst().status()).as("every section read, check finished: the lesson is finished")
                .isEqualTo(org.compassioncourse.progress.LessonStatus.COMPLETED);
        assertThat(quizAvailability.myLessonFinished(lesson.id())).isTrue();
    }

    @Test
    void bothKindsOfNoAnswerSurviveStorageAndReadTheSameEverywhere() {
        for (Answer.NoAnswer which : Answer.NoAnswer.values()) {
            Answer answer = Answer.of(which);
            assertThat(answer.noAnswer()).isEqualTo(which);
            assertThat(AnswerCodec.decode(AnswerCodec.encode(answer))).isEqualTo(answer);
            assertThat(AnswerCodec.encode(answer)).isEqualTo(which.code() + ":");
        }
        assertThat(AnswerCodec.decode("dont-know:")).as("answers stored before keep their meaning").isEqualTo(new Answer.DontKnowYet());
        assertThat(new Answer.TrueOrFalse(true).noAnswer()).isNull();
    }

    @Test
    void iDontKnowYetIsGradedZeroAndSurvivesStorage() {
        Question any = course.questions().getFirst();
        assertThat(Grading.grade(any, new Answer.DontKnowYet()).score()).isZero();
        assertThat(AnswerCodec.decode(AnswerCodec.encode(new Answer.DontKnowYet()))).isEqualTo(new Answer.DontKnowYet());
    }

    @Test
    @WithCourseUser(email = "quiz.tabs@ward7.example")
    void aSecondTabOrARefreshResumesTheSameAttemptWithItsAnswers() {
        AttemptPaper first = quizAttempts.startOrResume(QuizSettings.Kind.KNOWLEDGE_CHECK, "first-lesson");
        quizAttempts.answer(first.attemptId(), "first-single", rightAnswer("first-single"), 1000);

        AttemptPaper second = quizAttempts.startOrResume(QuizSettings.Kind.KNOWLEDGE_CHECK, "first-lesson");

        assertThat(second.attemptId()).isEqualTo(first.attemptId());
        assertThat(second.questions()).isEqualTo(first.questions());
        assertThat(second.answers()).containsKey("first-single");
        assertThat(second.feedback()).containsKey("first-single");
    }

    @Test
    @WithCourseUser(email = "quiz.submit@ward7.example")
    void submittingScoresTheAttemptOnceAndAClosedAttemptRefusesAnswers() {
        AttemptPaper paper = quizAttempts.startOrResume(QuizSettings.Kind.KNOWLEDGE_CHECK, "first-lesson");
        assertThatThrownBy(() -> quizAttempts.submit(paper.attemptId())).hasMessage("6 questions are not answered yet.");
        for (QuestionPaper question : paper.questions()) {
            Answer answer = question.id().equals("first-multi") ? new Answer.Choices(Set.of("ai")) : rightAnswer(question.id());
            quizAttempts.answer(paper.attemptId(), question.id(), answer, 2000);
        }

        AttemptResult result = quizAttempts.submit(paper.attemptId());

        assertThat(result.scorePercent()).isEqualTo(91.7);
        assertThat(quizResults.bestKnowledgeCheckScores()).as("shown as progress").containsEntry("first-lesson", 91.7);
        assertThat(result.passed()).as("knowledge checks are not passed or failed").isNull();
        assertThatThrownBy(() -> quizAttempts.submit(paper.attemptId())).as("a stale tab's second submission")
                .isInstanceOf(AttemptAlreadyClosedException.class).hasMessageContaining("already submitted");
        assertThat(quizResults.finishedAttempt(paper.attemptId()).scorePercent()).as("the first score stands").isEqualTo(91.7);
        assertThatThrownBy(() -> quizAttempts.answer(paper.attemptId(), "first-single", rightAnswer("first-single"), 1))
                .isInstanceOf(AnswerRejectedException.class).hasMessageContaining("has been submitted");
        AttemptPaper retry = quizAttempts.startOrResume(QuizSettings.Kind.KNOWLEDGE_CHECK, "first-lesson");
        assertThat(retry.attemptId()).as("unlimited retries: a new attempt").isNotEqualTo(paper.attemptId());
    }

    @Test
    @WithCourseUser(email = "quiz.unfit@ward7.example")
    void answersThatDoNotFitAreRefusedAndRecordNothing() {
        AttemptPaper paper = quizAttempts.startOrResume(QuizSettings.Kind.KNOWLEDGE_CHECK, "first-lesson");

        assertThatThrownBy(() -> quizAttempts.answer(paper.attemptId(), "first-single", new Answer.Choices(Set.of("zzz")), 1))
                .hasMessageContaining("not part of this question");
        assertThatThrownBy(() -> quizAttempts.answer(paper.attemptId(), "first-single", new Answer.Region("insula"), 1))
                .hasMessageContaining("does not fit");
        assertThatThrownBy(() -> quizAttempts.answer(paper.attemptId(), "first-tf", new Answer.TrueOrFalse(true), 1))
                .hasMessage("That question is not part of this attempt.");
        assertThat(responses.findByAttemptId(paper.attemptId())).isEmpty();
    }

    @Test
    @WithCourseUser(email = "quiz.owner@ward7.example")
    void anotherLearnersAttemptCanBeNeitherAnsweredNorReviewed() {
        AttemptPaper mine = quizAttempts.startOrResume(QuizSettings.Kind.KNOWLEDGE_CHECK, "first-lesson");

        CurrentUser other = people.learner("Nosy");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(other, null, other.getAuthorities()));

        assertThatThrownBy(() -> quizAttempts.answer(mine.attemptId(), "first-single", rightAnswer("first-single"), 1))
                .isInstanceOf(AnswerRejectedException.class).hasMessage("There is no such attempt.");
        assertThatThrownBy(() -> quizResults.finishedAttempt(mine.attemptId())).hasMessage("There is no such attempt.");
        assertThatThrownBy(() -> quizAttempts.submit(mine.attemptId())).hasMessage("There is no such attempt.");
        assertThat(responses.findByAttemptId(mine.attemptId())).isEmpty();
    }

    @Test
    @WithCourseUser(email = "quiz.gain@ward7.example")
    void preTestAndFinalDrawParallelQuestionsAndGiveTheLearningGain() {
        AttemptPaper pre = quizAttempts.startOrResume(QuizSettings.Kind.PRE_TEST, null);
        assertThat(pre.questions()).hasSize(1);
        String preQuestion = pre.questions().getFirst().id();
        Answer wrong = preQuestion.equals("first-tf") ? wrongTrueFalse(preQuestion) : new Answer.Choices(Set.of("compassion"));
        quizAttempts.answer(pre.attemptId(), preQuestion, wrong, 1000);
        assertThat(quizAttempts.submit(pre.attemptId()).scorePercent()).isZero();
        readEveryLesson();

        AttemptPaper post = quizAttempts.startOrResume(QuizSettings.Kind.FINAL_ASSESSMENT, null);
        String postQuestion = post.questions().getFirst().id();
        assertThat(postQuestion).as("the final uses the parallel question").isNotEqualTo(preQuestion);
        quizAttempts.answer(post.attemptId(), postQuestion, rightAnswer(postQuestion), 1000);
        AttemptResult result = quizAttempts.submit(post.attemptId());

        assertThat(result.passed()).isTrue();
        assertThat(result.feedback()).hasSize(1);
        assertThat(quizResults.learningGain()).contains(1.0);
        assertThat(quizAvailability.availability(QuizSettings.Kind.FINAL_ASSESSMENT, null).available()).as("no retake after a pass").isFalse();
        assertThatThrownBy(() -> quizAttempts.startOrResume(QuizSettings.Kind.FINAL_ASSESSMENT, null))
                .hasMessageContaining("You have passed the final assessment");
    }

    @Test
    @WithCourseUser(email = "quiz.keyheld@ward7.example")
    void preTestIsTakenOnceAndItsKeyIsHeldBackUntilTheFinalIsPassed() {
        AttemptPaper pre = quizAttempts.startOrResume(QuizSettings.Kind.PRE_TEST, null);
        String preQuestion = pre.questions().getFirst().id();
        Answer wrong = preQuestion.equals("first-tf") ? wrongTrueFalse(preQuestion) : new Answer.Choices(Set.of("compassion"));
        quizAttempts.answer(pre.attemptId(), preQuestion, wrong, 1000);
        AttemptResult preResult = quizAttempts.submit(pre.attemptId());

        assertThat(preResult.feedback()).as("no key yet: the final shares the pre-test's blueprint").isEmpty();
        assertThat(preResult.questions()).as("no question-by-question verdicts while the key is held back").isEmpty();
        assertThat(preResult.advice()).singleElement().satisfies(advice -> {
            assertThat(advice.secure()).isFalse();
            assertThat(advice.lessonId()).isEqualTo("first-lesson");
            assertThat(advice.objectives()).isNotEmpty();
        });
        assertThat(quizAvailability.availability(QuizSettings.Kind.PRE_TEST, null).reason()).contains("taken once");
        assertThatThrownBy(() -> quizAttempts.startOrResume(QuizSettings.Kind.PRE_TEST, null)).hasMessageContaining("taken once");
        readEveryLesson();

        AttemptPaper post = quizAttempts.startOrResume(QuizSettings.Kind.FINAL_ASSESSMENT, null);
        String postQuestion = post.questions().getFirst().id();
        quizAttempts.answer(post.attemptId(), postQuestion, rightAnswer(postQuestion), 1000);
        assertThat(quizAttempts.submit(post.attemptId()).passed()).isTrue();

        AttemptResult reviewed = quizResults.finishedAttempt(pre.attemptId());
        assertThat(reviewed.feedback()).as("once the final is passed the key is shown").hasSize(1);
        assertThat(reviewed.feedback().getFirst().key()).isNotBlank();
        assertThat(reviewed.advice()).isEmpty();
    }

    @Test
    void learningGainIsTheShareOfPossibleImprovementAchieved() {
        assertThat(LearningGain.normalised(40, 70)).contains(0.5);
        assertThat(LearningGain.normalised(60, 50)).contains(-0.25);
        assertThat(LearningGain.normalised(100, 100)).isEmpty();
    }
}

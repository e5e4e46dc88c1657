package org.compassioncourse.quiz;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.cohort.LearnerInMyCohort;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.support.KeyedAnswers;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.compassioncourse.security.SignedInUser;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The final assessment's integrity rules on the fixture course set to two attempts, no cool-down and the key held back
 * until a pass: when it opens, what a failed result shows, the attempt limit and an instructor's grant, races between
 * answering and submitting, stale tabs, and questions removed from the course under an open attempt.
 */
@ApplicationTest
class FinalAssessmentRulesTest {

    @Autowired
    Learners people;
    @Autowired
    Course fixture;
    @Autowired
    QuizAttemptRepository attemptRepository;
    @Autowired
    QuizResponseRepository responseRepository;
    @Autowired
    AttemptGrantRepository grantRepository;
    @Autowired
    LessonCompletion lessonCompletion;
    @Autowired
    SignedInUser signedInUser;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ProgressService progress;
    @Autowired
    CohortService cohorts;
    @Autowired
    FinalAttemptGrants securedGrants;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    @Autowired
    CountedResults countedResults;

    /** The fixture course set to two final attempts, no cool-down and the key held back until a pass. */
    private Course course;
    private QuizAvailability quizAvailability;
    private QuizAttempts quizAttempts;
    private QuizResults quizResults;
    private FinalAttemptGrants grants;

    @BeforeEach
    void courseWithTwoAttempts() {
        Map<QuizSettings.Kind, QuizSettings> settings = new EnumMap<>(fixture.quizzes());
        settings.put(QuizSettings.Kind.FINAL_ASSESSMENT, new QuizSettings(QuizSettings.CountingRule.HIGHEST,
                QuizSettings.FeedbackTiming.AFTER_PASSING, 0, 2, QuizSettings.OpensAfter.ALL_LESSONS));
        course = new Course(fixture.id(), fixture.title(), fixture.summary(), fixture.audience(), fixture.ceHours(), fixture.passMark(),
                fixture.version(), fixture.lessons(), fixture.glossary(), fixture.references(), fixture.regions(), fixture.figures(),
                fixture.questions(), settings);
        // the same beans the app uses, on this course (one shared Spring context keeps the test suite fast and sane)
        LearnerScores scores = new LearnerScores(course, attemptRepository, responseRepository, transactionManager);
        ResultWriter results = new ResultWriter(course, attemptRepository, responseRepository);
        quizAvailability = new QuizAvailability(course, attemptRepository, responseRepository, grantRepository, lessonCompletion,
                signedInUser, transactionManager, Clock.systemUTC(), scores);
        quizAvailability.findInstructorsWith(cohorts);
        quizAttempts = new QuizAttempts(course, attemptRepository, responseRepository, signedInUser, transactionManager,
                Clock.systemUTC(), events, countedResults, quizAvailability, results);
        quizResults = new QuizResults(course, attemptRepository, responseRepository, signedInUser, transactionManager, scores, results);
        grants = new FinalAttemptGrants(course, attemptRepository, grantRepository, signedInUser, Clock.systemUTC());
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        // whatever the test did (limits, grants, races, abandoned attempts), the stored counted result follows the rule
        StoredResultsAgree.check(jdbc, course);
        SecurityContextHolder.clearContext();
    }

    private void readEveryLesson() {
        for (Lesson lesson : course.lessons()) {
            progress.reachSection(lesson.id(), lesson.firstSection().id());
            progress.completeLesson(lesson.id());
        }
    }

    /** Takes the final, answering every question right or wrong; returns the result. */
    private AttemptResult sitFinal(boolean right) {
        AttemptPaper paper = quizAttempts.startOrResume(QuizSettings.Kind.FINAL_ASSESSMENT, null);
        for (QuestionPaper question : paper.questions()) {
            Question q = course.question(question.id()).orElseThrow();
            quizAttempts.answer(paper.attemptId(), q.id(), right ? KeyedAnswers.right(q) : KeyedAnswers.wrong(course, q), 1000);
        }
        return quizAttempts.submit(paper.attemptId());
    }

    @Test
    void finalOpensOnlyWhenEveryLessonIsCompletedAndSaysWhichAreLeft() {
        Learners.actAs(people.learner("Gina Gate"));
        progress.completeLesson(course.lessons().getFirst().id());

        QuizAvailability.Availability closed = quizAvailability.availability(QuizSettings.Kind.FINAL_ASSESSMENT, null);

        assertThat(closed.available()).isFalse();
        assertThat(closed.reason()).contains("opens when you have completed every lesson")
                .contains(course.lessons().get(1).title()).doesNotContain(course.lessons().getFirst().title() + ";");
        assertThatThrownBy(() -> quizAttempts.startOrResume(QuizSettings.Kind.FINAL_ASSESSMENT, null))
                .hasMessageContaining("completed every lesson");
        readEveryLesson();
        assertThat(quizAvailability.availability(QuizSettings.Kind.FINAL_ASSESSMENT, null).available()).isTrue();
    }

    @Test
    void aFailedFinalShowsTheScoreAndLessonsToRevisitButNoVerdictPerQuestion() {
        Learners.actAs(people.learner("Fay Fail"));
        readEveryLesson();

        AttemptResult failed = sitFinal(false);

        assertThat(failed.passed()).isFalse();
        assertThat(failed.scorePercent()).isZero();
        assertThat(failed.questions()).as("no questions with the learner's answers").isEmpty();
        assertThat(failed.feedback()).as("no key, no feedback").isEmpty();
        assertThat(failed.advice()).isNotEmpty().allSatisfy(lesson -> {
            assertThat(lesson.secure()).isFalse();
            assertThat(lesson.objectives()).isNotEmpty();
        });
        assertThat(failed.toString()).as("nothing per question reaches the page")
                .doesNotContain(course.questions().stream().filter(q -> q.use() == Question.Use.ASSESSMENT).map(Question::id).toArray(String[]::new));
    }

    @Test
    void afterTheLastAllowedAttemptTheLearnerIsSentToTheInstructorWhoCanGrantOneMore() {
        CurrentUser teacher = people.instructor("Ivor Instructor");
        Learners.actAs(teacher);
        CohortSummary cohort = cohorts.createCohort("Ward 7 rules " + System.nanoTime());
        CurrentUser learner = people.learner("Lee Limit");
        Learners.actAs(learner);
        cohorts.join(cohort.joinCode());
        readEveryLesson();
        assertThat(quizAvailability.myFinalAttempts().describeLeft()).isEqualTo("2 attempts left");

        sitFinal(false);
        assertThat(quizAvailability.myFinalAttempts().describeLeft()).isEqualTo("1 attempt left");
        sitFinal(false);

        QuizAvailability.Availability usedUp = quizAvailability.availability(QuizSettings.Kind.FINAL_ASSESSMENT, null);
        assertThat(usedUp.available()).isFalse();
        assertThat(usedUp.reason()).as("says who can help, and how to reach them").contains("used all 2")
                .contains("Please write to your instructor, Ivor Instructor (ivor.instructor-").contains("@ward7.example): they can grant you one more attempt.");
        assertThatThrownBy(() -> quizAttempts.startOrResume(QuizSettings.Kind.FINAL_ASSESSMENT, null)).hasMessageContaining("Ivor Instructor");

        Learners.actAs(teacher);
        LearnerInMyCohort mine = cohorts.requireLearnerInOwnCohort(cohort.id(), learner.accountId());
        FinalAttemptGrants.Standing granted = grants.grantOneMoreAttempt(mine);
        assertThat(granted.grants()).singleElement().satisfies(grant -> {
            assertThat(grant.grantedBy()).isEqualTo("Ivor Instructor");
            assertThat(grant.grantedAt()).isBefore(Instant.now().plusSeconds(1));
        });
        assertThat(granted.allowance().allowed()).isEqualTo(3);
        assertThatThrownBy(() -> grants.grantOneMoreAttempt(mine)).as("not while an attempt is left")
                .hasMessageContaining("still has 1 attempt left");

        Learners.actAs(learner);
        assertThat(quizAvailability.availability(QuizSettings.Kind.FINAL_ASSESSMENT, null).available()).isTrue();
        assertThat(sitFinal(true).passed()).isTrue();
        QuizAvailability.Availability afterPass = quizAvailability.availability(QuizSettings.Kind.FINAL_ASSESSMENT, null);
        assertThat(afterPass.available()).as("no invitation to retake after a pass").isFalse();
        assertThat(afterPass.reason()).contains("You have passed");
        AttemptResult review = quizResults.myResults(QuizSettings.Kind.FINAL_ASSESSMENT).getLast();
        assertThat(review.feedback()).as("after the pass the full review with key and feedback").isNotEmpty();
    }

    @Test
    void onlyAnInstructorOfTheLearnersCohortCanGrantAnAttempt() {
        Learners.actAs(people.learner("Sly Learner"));
        assertThatThrownBy(() -> securedGrants.standingOf(null)).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void anAnswerRacingASubmissionEitherLandsBeforeTheScoreOrTheSubmissionWaitsForIt() throws Exception {
        ExecutorService devices = Executors.newFixedThreadPool(2);
        int answerFirst = 0;
        int submitFirst = 0;
        try {
            for (int round = 0; round < 10; round++) {
                CurrentUser learner = people.learner("Rae Race " + round);
                Learners.actAs(learner);
                readEveryLesson();
                AttemptPaper paper = quizAttempts.startOrResume(QuizSettings.Kind.FINAL_ASSESSMENT, null);
                Question question = course.question(paper.questions().getFirst().id()).orElseThrow();
                CountDownLatch go = new CountDownLatch(1);
                Future<Object> answer = devices.submit(asUser(learner, go, () -> quizAttempts.answer(paper.attemptId(), question.id(),
                        KeyedAnswers.right(question), 1000)));
                Future<Object> submit = devices.submit(asUser(learner, go, () -> quizAttempts.submit(paper.attemptId())));
                go.countDown();
                Object answerOutcome = answer.get();
                Object submitOutcome = submit.get();

                assertThat(answerOutcome).as("the answer from the phone is saved, never lost").isInstanceOf(java.util.Optional.class);
                double stored = responseRepository.findByAttemptId(paper.attemptId()).stream().mapToDouble(QuizResponse::score).sum();
                if (submitOutcome instanceof AttemptResult result) {
                    answerFirst++;
                    assertThat(result.scorePercent()).as("the score counts the answer that landed first").isEqualTo(stored * 100.0);
                } else {
                    submitFirst++;
                    assertThat(((Exception) submitOutcome).getMessage()).contains("not answered yet");
                    assertThat(quizAttempts.submit(paper.attemptId()).scorePercent()).isEqualTo(100.0);
                }
            }
        } finally {
            devices.shutdownNow();
        }
        assertThat(answerFirst + submitFirst).isEqualTo(10);
    }

    private static Callable<Object> asUser(CurrentUser user, CountDownLatch go, Callable<Object> work) {
        return () -> {
            Learners.actAs(user);
            try {
                go.await();
                return work.call();
            } catch (AnswerRejectedException refused) {
                return refused;
            } finally {
                SecurityContextHolder.clearContext();
            }
        };
    }

    @Test
    void aStaleTabThatSubmitsAfterAnotherTabIsToldTheAttemptWasAlreadySubmitted() {
        Learners.actAs(people.learner("Tab Twice"));
        readEveryLesson();
        AttemptPaper paper = quizAttempts.startOrResume(QuizSettings.Kind.FINAL_ASSESSMENT, null);
        Question question = course.question(paper.questions().getFirst().id()).orElseThrow();
        quizAttempts.answer(paper.attemptId(), question.id(), KeyedAnswers.wrong(course, question), 1000);
        quizAttempts.submit(paper.attemptId());

        assertThatThrownBy(() -> quizAttempts.submit(paper.attemptId()))
                .isInstanceOfSatisfying(AttemptAlreadyClosedException.class, closed -> {
                    assertThat(closed.attemptId()).isEqualTo(paper.attemptId());
                    assertThat(closed.abandoned()).isFalse();
                })
                .hasMessageContaining("already submitted").hasMessageNotContaining("not answered");
        assertThat(quizAttempts.isClosed(paper.attemptId())).isTrue();
    }

    @Test
    void anOpenAttemptHoldingARemovedQuestionCanBeSubmittedOverWhatRemainsOrAbandoned() {
        CurrentUser learner = people.learner("Rita Removed");
        Learners.actAs(learner);
        readEveryLesson();
        Question kept = course.questions().stream().filter(q -> q.use() == Question.Use.ASSESSMENT).findFirst().orElseThrow();
        // an attempt started on an earlier version of the course, which had a question since removed
        QuizAttempt old = attemptRepository.saveAndFlush(new QuizAttempt(learner.accountId(), QuizSettings.Kind.FINAL_ASSESSMENT, null,
                course.version() - 1, List.of("removed-since", kept.id()), 42L, Instant.now().minusSeconds(60)));

        AttemptPaper resumed = quizAttempts.startOrResume(QuizSettings.Kind.FINAL_ASSESSMENT, null);
        assertThat(resumed.attemptId()).isEqualTo(old.id());
        assertThat(resumed.removedQuestions()).isEqualTo(1);
        assertThat(resumed.questions()).extracting(QuestionPaper::id).containsExactly(kept.id());
        assertThat(quizAvailability.myOpenAttempt(QuizSettings.Kind.FINAL_ASSESSMENT, null)).hasValueSatisfying(open -> {
            assertThat(open.answered()).isZero();
            assertThat(open.questions()).isEqualTo(1);
        });

        quizAttempts.abandon(old.id());
        assertThat(quizAvailability.myFinalAttempts().used()).as("an abandoned attempt does not count").isZero();
        assertThat(quizResults.myResults(QuizSettings.Kind.FINAL_ASSESSMENT)).isEmpty();
        assertThatThrownBy(() -> quizResults.finishedAttempt(old.id())).hasMessageContaining("abandoned");

        QuizAttempt another = attemptRepository.saveAndFlush(new QuizAttempt(learner.accountId(), QuizSettings.Kind.FINAL_ASSESSMENT, null,
                course.version() - 1, List.of(kept.id(), "removed-since"), 43L, Instant.now()));
        quizAttempts.answer(another.id(), kept.id(), KeyedAnswers.right(kept), 1000);
        AttemptResult result = quizAttempts.submit(another.id());
        assertThat(result.scorePercent()).as("scored over the question that remains").isEqualTo(100.0);
        assertThat(result.passed()).isTrue();
    }

    @Test
    void anAttemptWithoutARemovedQuestionCannotBeAbandonedToDrawFreshQuestions() {
        Learners.actAs(people.learner("Abe Abandon"));
        readEveryLesson();
        AttemptPaper paper = quizAttempts.startOrResume(QuizSettings.Kind.FINAL_ASSESSMENT, null);
        assertThatThrownBy(() -> quizAttempts.abandon(paper.attemptId())).hasMessageContaining("Only an attempt with a question that was removed");
        assertThat(quizAttempts.isClosed(paper.attemptId())).isFalse();
    }
}

package org.compassioncourse.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.compassioncourse.account.AccountService;
import org.compassioncourse.account.CurrentUser;
import org.compassioncourse.account.SignedInUser;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.content.Question;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.quiz.AnswerRejectedException;
import org.compassioncourse.quiz.QuizService;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.KeyedAnswers;
import org.compassioncourse.support.Learners;
import org.compassioncourse.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;

/** The review deck through its service, on a clock the test moves. */
@ApplicationTest
class ReviewServiceTest {

    @Autowired Course course;
    @Autowired AccountService accounts;
    @Autowired ProgressService progress;
    @Autowired QuizService quizzes;
    @Autowired ReviewCardRepository cards;
    @Autowired ReviewLogRepository logs;
    @Autowired SignedInUser signedInUser;
    @Autowired PlatformTransactionManager transactions;

    private final MutableClock clock = new MutableClock(Instant.parse("2030-03-02T09:00:00Z"));
    private ReviewService reviews;
    private DeckEnrolment enrolment;
    private Learners people;

    @BeforeEach
    void services() {
        reviews = new ReviewService(course, cards, logs, signedInUser, transactions, clock);
        enrolment = new DeckEnrolment(course, cards, clock, transactions);
        people = new Learners(accounts, progress, quizzes, course);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private List<Question> checksOf(Lesson lesson) {
        return DeckEnrolment.knowledgeChecksOf(course, lesson.id());
    }

    private Lesson firstLessonWithChecks() {
        return course.lessons().stream().filter(l -> !checksOf(l).isEmpty()).findFirst().orElseThrow();
    }

    @Test
    void finishingALessonPutsItsKnowledgeChecksInTheDeckButNoAssessmentItem() {
        CurrentUser learner = people.learner("Ada Deck");
        Learners.actAs(learner);
        Lesson lesson = firstLessonWithChecks();
        people.open(lesson);
        progress.completeLesson(lesson.id());
        List<String> inDeck = cards.findByUserIdAndQuestionIdIn(learner.accountId(),
                course.questions().stream().map(Question::id).toList()).stream().map(ReviewCard::questionId).toList();
        assertThat(inDeck).containsExactlyInAnyOrderElementsOf(checksOf(lesson).stream().map(Question::id).toList());
        assertThat(course.questions().stream().filter(q -> inDeck.contains(q.id())))
                .allMatch(q -> q.use() == Question.Use.KNOWLEDGE_CHECK);
    }

    @Test
    void cardsFallDueADayAfterTheLessonAndASessionHoldsAtMostTheSessionSize() {
        CurrentUser learner = people.learner("Ben Due");
        Learners.actAs(learner);
        course.lessons().forEach(l -> enrolment.enrol(learner.accountId(), l.id()));
        enrolment.enrol(learner.accountId(), course.lessons().getFirst().id()); // twice: no second card
        long total = course.questions().stream().filter(q -> q.use() == Question.Use.KNOWLEDGE_CHECK).count();
        assertThat(reviews.dueCount()).isZero();
        assertThat(reviews.dueSession()).isEmpty();

        clock.advance(Duration.ofDays(1));
        assertThat(reviews.dueCount()).isEqualTo(total);
        assertThat(reviews.dueSession()).hasSize((int) Math.min(total, course.review().sessionSize()));
    }

    @Test
    void aRightSureAnswerIsRatedEasyAndASecondSubmissionDoesNotRateAgain() {
        CurrentUser learner = people.learner("Cleo Twice");
        Learners.actAs(learner);
        Lesson lesson = firstLessonWithChecks();
        enrolment.enrol(learner.accountId(), lesson.id());
        clock.advance(Duration.ofDays(1));
        ReviewService.ReviewItem item = reviews.dueSession().getFirst();
        Question question = course.question(item.paper().id()).orElseThrow();

        ReviewService.ReviewOutcome first = reviews.answer(item.cardId(), item.reviewNumber(), KeyedAnswers.right(question), Sureness.SURE);
        ReviewService.ReviewOutcome again = reviews.answer(item.cardId(), item.reviewNumber(), KeyedAnswers.right(question), Sureness.SURE);

        assertThat(first.rating()).isEqualTo(FsrsScheduler.Rating.EASY);
        assertThat(first.feedback().correct()).isTrue();
        assertThat(first.alreadyRated()).isFalse();
        // FSRS-6 first rating Easy: stability 8.2956 → 8 days at retention 0.9
        assertThat(first.nextDue()).isEqualTo(clock.instant().plus(Duration.ofDays(8)));
        assertThat(again.alreadyRated()).isTrue();
        assertThat(again.nextDue()).isEqualTo(first.nextDue());
        assertThat(cards.findById(item.cardId()).orElseThrow().reps()).isEqualTo(1);
        assertThat(reviews.dueCount()).isEqualTo(checksOf(lesson).size() - 1);
        // the learner's copy of their data holds the deck with the one rating, once
        assertThat(reviews.myDeck()).hasSize(checksOf(lesson).size())
                .filteredOn(card -> card.questionId().equals(question.id())).singleElement()
                .satisfies(card -> {
                    assertThat(card.due()).isEqualTo(first.nextDue());
                    assertThat(card.reviews()).extracting(ReviewService.Rated::rating).containsExactly("EASY");
                });
    }

    @Test
    void twoTabsSubmittingTheSameReviewAtOnceRateItOnce() throws Exception {
        CurrentUser learner = people.learner("Ida Tabs");
        Learners.actAs(learner);
        enrolment.enrol(learner.accountId(), firstLessonWithChecks().id());
        clock.advance(Duration.ofDays(1));
        ReviewService.ReviewItem item = reviews.dueSession().getFirst();
        Question question = course.question(item.paper().id()).orElseThrow();
        long logsBefore = logs.count();
        org.springframework.security.core.context.SecurityContext context = SecurityContextHolder.getContext();
        java.util.concurrent.Callable<ReviewService.ReviewOutcome> tab = () -> {
            SecurityContextHolder.setContext(context);
            return reviews.answer(item.cardId(), item.reviewNumber(), KeyedAnswers.right(question), Sureness.FAIRLY_SURE);
        };
        java.util.concurrent.ExecutorService tabs = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = tabs.submit(tab);
            var second = tabs.submit(tab);
            assertThat(List.of(first.get(), second.get())).filteredOn(o -> !o.alreadyRated()).hasSize(1);
        } finally {
            tabs.shutdown();
        }
        assertThat(logs.count()).isEqualTo(logsBefore + 1);
        assertThat(cards.findById(item.cardId()).orElseThrow().reps()).isEqualTo(1);
    }

    @Test
    void aWrongAnswerIsRatedAgainAndTheCardComesBackInTenMinutes() {
        CurrentUser learner = people.learner("Dev Wrong");
        Learners.actAs(learner);
        enrolment.enrol(learner.accountId(), firstLessonWithChecks().id());
        clock.advance(Duration.ofDays(1));
        ReviewService.ReviewItem item = reviews.dueSession().getFirst();
        Question question = course.question(item.paper().id()).orElseThrow();

        ReviewService.ReviewOutcome outcome = reviews.answer(item.cardId(), item.reviewNumber(),
                KeyedAnswers.wrong(course, question), Sureness.SURE);

        assertThat(outcome.rating()).isEqualTo(FsrsScheduler.Rating.AGAIN);
        assertThat(outcome.feedback().correct()).isFalse();
        assertThat(outcome.nextDue()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
    }

    @Test
    void practiceGivesFeedbackWithoutMovingTheSchedule() {
        CurrentUser learner = people.learner("Eve Practice");
        Learners.actAs(learner);
        Lesson lesson = firstLessonWithChecks();
        enrolment.enrol(learner.accountId(), lesson.id());
        assertThat(reviews.lessonsInDeck()).extracting(ReviewService.LessonInDeck::lessonId).containsExactly(lesson.id());
        String questionId = reviews.practice(lesson.id()).getFirst().id();
        ReviewCard before = cards.findByUserIdAndQuestionIdIn(learner.accountId(), List.of(questionId)).getFirst();

        assertThat(reviews.practiseAnswer(questionId, KeyedAnswers.right(course.question(questionId).orElseThrow())).correct()).isTrue();

        ReviewCard after = cards.findByUserIdAndQuestionIdIn(learner.accountId(), List.of(questionId)).getFirst();
        assertThat(after.reps()).isEqualTo(before.reps());
        assertThat(after.due()).isEqualTo(before.due());
    }

    @Test
    void aQuestionRemovedFromTheBankRetiresItsCardAndLeavesTheDue() {
        CurrentUser learner = people.learner("Hal Removed");
        Learners.actAs(learner);
        cards.save(new ReviewCard(learner.accountId(), "question-no-longer-in-the-bank", "first-lesson", 1, 1, clock.instant()));
        assertThat(reviews.dueCount()).isEqualTo(1);

        enrolment.retireRemovedQuestions();

        assertThat(reviews.dueCount()).isZero();
        assertThat(cards.findByUserIdAndQuestionIdIn(learner.accountId(), List.of("question-no-longer-in-the-bank")))
                .singleElement().matches(ReviewCard::retired);
    }

    @Test
    void aLearnerSeesAndAnswersOnlyTheirOwnDeck() {
        CurrentUser owner = people.learner("Fay Owner");
        CurrentUser other = people.learner("Gus Other");
        Lesson lesson = firstLessonWithChecks();
        enrolment.enrol(owner.accountId(), lesson.id());
        clock.advance(Duration.ofDays(1));
        Learners.actAs(owner);
        ReviewService.ReviewItem item = reviews.dueSession().getFirst();
        Question question = course.question(item.paper().id()).orElseThrow();

        Learners.actAs(other);
        assertThat(reviews.dueCount()).isZero();
        assertThat(reviews.dueSession()).isEmpty();
        assertThatThrownBy(() -> reviews.answer(item.cardId(), item.reviewNumber(), KeyedAnswers.right(question), Sureness.SURE))
                .isInstanceOf(AnswerRejectedException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> reviews.practiseAnswer(question.id(), KeyedAnswers.right(question)))
                .isInstanceOf(AnswerRejectedException.class);
        assertThat(cards.findById(item.cardId()).orElseThrow().reps()).isZero();
    }
}

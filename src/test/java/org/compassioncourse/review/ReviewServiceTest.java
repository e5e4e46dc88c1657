package org.compassioncourse.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.compassioncourse.support.Learners;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.SignedInUser;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.content.Question;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.quiz.AnswerRejectedException;
import org.compassioncourse.quiz.QuizAvailability;
import org.compassioncourse.quiz.QuizAttempts;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.KeyedAnswers;
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
    @Autowired ProgressService progress;
    @Autowired QuizAvailability quizAvailability;
    @Autowired QuizAttempts quizAttempts;
    @Autowired ReviewCardRepository cards;
    @Autowired ReviewLogRepository logs;
    @Autowired SignedInUser signedInUser;
    @Autowired PlatformTransactionManager transactions;
    @Autowired org.compassioncourse.quiz.KnowledgeCheckAnswers knowledgeCheckAnswers;

    private final MutableClock clock = new MutableClock(Instant.parse("2030-03-02T09:00:00Z"));
    private ReviewService reviews;
    private DeckEnrolment enrolment;
    @Autowired
    Learners people;

    @BeforeEach
    void services() {
        reviews = new ReviewService(course, cards, logs, signedInUser, transactions, clock);
        enrolment = new DeckEnrolment(course, cards, clock, transactions, knowledgeCheckAnswers);
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
        assertThat(reviews.dueCount(ZoneOffset.UTC)).isZero();
        assertThat(reviews.dueSession(ZoneOffset.UTC)).isEmpty();

        clock.advance(Duration.ofDays(1));
        assertThat(reviews.dueCount(ZoneOffset.UTC)).isEqualTo(total);
        assertThat(reviews.dueSession(ZoneOffset.UTC)).hasSize((int) Math.min(total, course.review().sessionSize()));
    }

    @Test
    void aRightSureAnswerIsRatedEasyAndASecondSubmissionDoesNotRateAgain() {
        CurrentUser learner = people.learner("Cleo Twice");
        Learners.actAs(learner);
        Lesson lesson = firstLessonWithChecks();
        enrolment.enrol(learner.accountId(), lesson.id());
        clock.advance(Duration.ofDays(1));
        ReviewService.ReviewItem item = reviews.dueSession(ZoneOffset.UTC).getFirst();
        Question question = course.question(item.paper().id()).orElseThrow();

        ReviewService.ReviewOutcome first = reviews.answer(item.cardId(), item.reviewNumber(), KeyedAnswers.right(question), Sureness.SURE, ZoneOffset.UTC);
        ReviewService.ReviewOutcome again = reviews.answer(item.cardId(), item.reviewNumber(), KeyedAnswers.right(question), Sureness.SURE, ZoneOffset.UTC);

        assertThat(first.rating()).isEqualTo(FsrsScheduler.Rating.EASY);
        assertThat(first.feedback().correct()).isTrue();
        assertThat(first.alreadyRated()).isFalse();
        // FSRS-6 first rating Easy: stability 8.2956 → 8 days at retention 0.9
        assertThat(first.nextDue()).isEqualTo(clock.instant().plus(Duration.ofDays(8)));
        assertThat(again.alreadyRated()).isTrue();
        assertThat(again.nextDue()).isEqualTo(first.nextDue());
        assertThat(cards.findById(item.cardId()).orElseThrow().reps()).isEqualTo(1);
        assertThat(reviews.dueCount(ZoneOffset.UTC)).isEqualTo(checksOf(lesson).size() - 1);
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
        ReviewService.ReviewItem item = reviews.dueSession(ZoneOffset.UTC).getFirst();
        Question question = course.question(item.paper().id()).orElseThrow();
        long logsBefore = logs.count();
        org.springframework.security.core.context.SecurityContext context = SecurityContextHolder.getContext();
        java.util.concurrent.Callable<ReviewService.ReviewOutcome> tab = () -> {
            SecurityContextHolder.setContext(context);
            return reviews.answer(item.cardId(), item.reviewNumber(), KeyedAnswers.right(question), Sureness.FAIRLY_SURE, ZoneOffset.UTC);
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
    void aWrongAnswerIsRatedAgainAndTheCardComesBackOnceInTenMinutes() {
        CurrentUser learner = people.learner("Dev Wrong");
        Learners.actAs(learner);
        enrolment.enrol(learner.accountId(), firstLessonWithChecks().id());
        clock.advance(Duration.ofDays(1));
        ReviewService.ReviewItem item = reviews.dueSession(ZoneOffset.UTC).getFirst();
        Question question = course.question(item.paper().id()).orElseThrow();

        ReviewService.ReviewOutcome outcome = reviews.answer(item.cardId(), item.reviewNumber(),
                KeyedAnswers.wrong(course, question), Sureness.SURE, ZoneOffset.UTC);

        assertThat(outcome.rating()).isEqualTo(FsrsScheduler.Rating.AGAIN);
        assertThat(outcome.feedback().correct()).isFalse();
        assertThat(outcome.nextDue()).isEqualTo(clock.instant().plus(FsrsScheduler.SAME_DAY_STEP));
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
        assertThat(reviews.dueCount(ZoneOffset.UTC)).isEqualTo(1);

        enrolment.retireRemovedQuestions();

        assertThat(reviews.dueCount(ZoneOffset.UTC)).isZero();
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
        ReviewService.ReviewItem item = reviews.dueSession(ZoneOffset.UTC).getFirst();
        Question question = course.question(item.paper().id()).orElseThrow();

        Learners.actAs(other);
        assertThat(reviews.dueCount(ZoneOffset.UTC)).isZero();
        assertThat(reviews.dueSession(ZoneOffset.UTC)).isEmpty();
        assertThatThrownBy(() -> reviews.answer(item.cardId(), item.reviewNumber(), KeyedAnswers.right(question), Sureness.SURE, ZoneOffset.UTC))
                .isInstanceOf(AnswerRejectedException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> reviews.practiseAnswer(question.id(), KeyedAnswers.right(question)))
                .isInstanceOf(AnswerRejectedException.class);
        assertThat(cards.findById(item.cardId()).orElseThrow().reps()).isZero();
    }

    /** The learner's days are Berlin's, not the server's. */
    private static final java.time.ZoneId BERLIN = java.time.ZoneId.of("Europe/Berlin");

    @Test
    void theDueCountNeverRisesDuringASessionAndAWrongAnswerComesBackOnceThatDay() {
        CurrentUser learner = people.learner("Jo Session");
        Learners.actAs(learner);
        Lesson lesson = firstLessonWithChecks();
        enrolment.enrol(learner.accountId(), lesson.id()); // day 1, 10:00 in Berlin; no knowledge-check answers
        // the cards fall due at different times of day 2: 10:00, 12:00, 14:00 ... in Berlin
        List<ReviewCard> deck = cards.findByUserIdOrderByIdAsc(learner.accountId());
        for (int i = 0; i < deck.size(); i++) {
            ReviewCard card = deck.get(i);
            card.apply(FsrsScheduler.Card.fresh(clock.instant().plus(Duration.ofDays(1)).plus(Duration.ofHours(2L * i))));
            cards.save(card);
        }
        clock.advance(Duration.ofHours(23)); // day 2, 09:00 in Berlin: before any card's moment, yet all due today
        java.time.LocalDate dayTwo = java.time.LocalDate.ofInstant(clock.instant(), BERLIN);
        assertThat(reviews.dueCount(BERLIN)).isEqualTo(deck.size());

        java.util.Map<Long, Integer> shown = new java.util.HashMap<>();
        List<Long> counts = new java.util.ArrayList<>();
        counts.add(reviews.dueCount(BERLIN));
        Sureness[] sureness = Sureness.values();
        int answered = 0;
        // sessions until nothing is due today: every other answer wrong, one of them wrong again on its repeat
        while (reviews.dueCount(BERLIN) > 0 && answered < 50) {
            for (ReviewService.ReviewItem item : reviews.dueSession(BERLIN)) {
                Question question = course.question(item.paper().id()).orElseThrow();
                boolean right = shown.getOrDefault(item.cardId(), 0) == 0 ? answered % 2 == 1 : answered % 3 != 0;
                shown.merge(item.cardId(), 1, Integer::sum);
                ReviewService.ReviewOutcome outcome = reviews.answer(item.cardId(), item.reviewNumber(),
                        right ? KeyedAnswers.right(question) : KeyedAnswers.wrong(course, question), sureness[answered % 3], BERLIN);
                if (right) {
                    assertThat(java.time.LocalDate.ofInstant(outcome.nextDue(), BERLIN)).as("a right answer").isAfter(dayTwo);
                }
                answered++;
                clock.advance(Duration.ofMinutes(3));
                counts.add(reviews.dueCount(BERLIN));
            }
        }
        assertThat(java.time.LocalDate.ofInstant(clock.instant(), BERLIN)).isEqualTo(dayTwo);
        for (int i = 1; i < counts.size(); i++) {
            assertThat(counts.get(i)).as("due count after answer %d of %s", i, counts).isLessThanOrEqualTo(counts.get(i - 1));
        }
        assertThat(counts.getLast()).isZero();
        assertThat(shown.values()).as("each card at most twice on day 2").allMatch(n -> n <= 2).contains(2);
        clock.advance(Duration.ofHours(10)); // 23:xx on day 2: still nothing
        assertThat(reviews.dueCount(BERLIN)).isZero();
        assertThat(reviews.nextDue()).hasValueSatisfying(next ->
                assertThat(java.time.LocalDate.ofInstant(next, BERLIN)).isAfter(dayTwo));
    }

    @Test
    void theKnowledgeCheckAnswersCountAsFirstReviewsSoTheDeckStartsInDays() {
        MutableClock now = new MutableClock(Instant.now());
        ReviewService reviewsNow = new ReviewService(course, cards, logs, signedInUser, transactions, now);
        DeckEnrolment enrolmentNow = new DeckEnrolment(course, cards, now, transactions, knowledgeCheckAnswers);
        CurrentUser learner = people.learner("Kim Checked");
        Learners.actAs(learner);
        Lesson lesson = firstLessonWithChecks();
        people.open(lesson);
        var paper = quizAttempts.startOrResume(org.compassioncourse.content.QuizSettings.Kind.KNOWLEDGE_CHECK, lesson.id());
        String missed = paper.questions().getFirst().id();
        for (var q : paper.questions()) {
            Question question = course.question(q.id()).orElseThrow();
            quizAttempts.answer(paper.attemptId(), q.id(), q.id().equals(missed) ? KeyedAnswers.wrong(course, question)
                    : KeyedAnswers.right(question), 5_000);
        }
        quizAttempts.submit(paper.attemptId());

        enrolmentNow.enrol(learner.accountId(), lesson.id()); // the lesson finished after its knowledge check

        List<ReviewCard> deck = cards.findByUserIdOrderByIdAsc(learner.accountId());
        List<String> answered = paper.questions().stream().map(q -> q.id()).toList();
        assertThat(deck).filteredOn(c -> answered.contains(c.questionId())).hasSize(answered.size())
                .allSatisfy(c -> assertThat(c.memory().state()).isEqualTo(FsrsScheduler.State.REVIEW))
                .allSatisfy(c -> assertThat(c.reps()).as("the knowledge check was review 1").isEqualTo(1));
        assertThat(reviewsNow.dueCount(ZoneOffset.UTC)).as("nothing due the day of the lesson").isZero();
        now.advance(Duration.ofDays(1));
        // the missed one comes back the next day, the right ones (Good: 2 days) the day after
        assertThat(reviewsNow.dueSession(ZoneOffset.UTC)).extracting(i -> i.paper().id()).containsExactly(missed);
        assertThat(reviewsNow.dueSession(ZoneOffset.UTC).getFirst().reviewNumber()).isEqualTo(2);
        now.advance(Duration.ofDays(1));
        assertThat(reviewsNow.dueCount(ZoneOffset.UTC)).isEqualTo(deck.size());
    }

    @Test
    void aKnowledgeCheckSubmittedAfterTheLessonWasFinishedStillCountsAsTheFirstReview() {
        CurrentUser learner = people.learner("Lou Later");
        Learners.actAs(learner);
        Lesson lesson = firstLessonWithChecks();
        people.open(lesson);
        progress.completeLesson(lesson.id()); // the app's own enrolment: fresh cards, due tomorrow
        assertThat(cards.findByUserIdOrderByIdAsc(learner.accountId())).isNotEmpty().allMatch(c -> c.reps() == 0);

        people.take(org.compassioncourse.content.QuizSettings.Kind.KNOWLEDGE_CHECK, lesson.id(), true, 5_000);

        Instant answered = Instant.now();
        assertThat(cards.findByUserIdOrderByIdAsc(learner.accountId())).filteredOn(c -> c.reps() == 1).isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.memory().state()).isEqualTo(FsrsScheduler.State.REVIEW);
                    // right → Good → 2 days from the answer
                    assertThat(c.due()).isBetween(answered.plus(Duration.ofDays(2)).minus(Duration.ofMinutes(5)),
                            answered.plus(Duration.ofDays(2)));
                });
    }
}

package org.compassioncourse.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import org.compassioncourse.support.Learners;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.content.Course;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** The instructor's retention figures from one SQL aggregate, against a cohort computed by hand. */
@ApplicationTest
class CohortRetentionTest {

    @Autowired Learners people;
    @Autowired Course course;
    @Autowired ProgressService progress;
    @Autowired CohortService cohorts;
    @Autowired org.compassioncourse.cohort.CohortMembers members;
    @Autowired org.compassioncourse.account.AccountNames names;
    @Autowired ReviewCardRepository cards;
    @Autowired NamedParameterJdbcTemplate jdbc;
    @Autowired ReviewLogRepository logs;
    @Autowired org.compassioncourse.security.SignedInUser signedInUser;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired org.compassioncourse.quiz.KnowledgeCheckAnswers knowledgeCheckAnswers;

    private final Instant now = Instant.parse("2030-06-01T12:00:00Z");

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void card(CurrentUser learner, String questionId, String lessonId, int objective, double stability,
                      Instant lastReview, Instant due, boolean retired) {
        ReviewCard card = new ReviewCard(learner.accountId(), questionId, lessonId, objective, 1, due);
        card.apply(new FsrsScheduler.Card(FsrsScheduler.State.REVIEW, -1, stability, 5, due, lastReview, 3, 0));
        if (retired) {
            card.retire();
        }
        cards.save(card);
    }

    @Test
    void predictedRecallInAWeekIsTheMeanRetrievabilitySevenDaysOnAndOverdueMeansAWeekLate() {
        CurrentUser instructor = people.instructor("Ines Teach");
        CurrentUser ann = people.learner("Ann Recall");
        CurrentUser bob = people.learner("Bob Fading");
        CurrentUser outsider = people.learner("Oz Outside");
        Learners.actAs(instructor);
        CohortSummary cohort = cohorts.createCohort("Retention cohort");
        for (CurrentUser learner : List.of(ann, bob)) {
            Learners.actAs(learner);
            cohorts.join(cohort.joinCode());
        }
        // objective 1 of first-lesson: Ann S=10 reviewed 10 days ago (R = 0.9 exactly); Bob S=5, 20 days and 3 hours ago
        card(ann, "first-single", "first-lesson", 1, 10, now.minus(10, ChronoUnit.DAYS), now.minus(2, ChronoUnit.DAYS), false);
        card(bob, "first-single", "first-lesson", 1, 5, now.minus(Duration.ofDays(20).plusHours(3)), now.minus(8, ChronoUnit.DAYS), false);
        // not counted: a retired card, a card never reviewed, a learner outside the cohort
        card(ann, "gone-question", "first-lesson", 1, 1, now.minus(30, ChronoUnit.DAYS), now.minus(20, ChronoUnit.DAYS), true);
        cards.save(new ReviewCard(bob.accountId(), "never-reviewed", "first-lesson", 1, 1, now.minus(30, ChronoUnit.DAYS)));
        card(outsider, "first-single", "first-lesson", 1, 1, now.minus(30, ChronoUnit.DAYS), now.minus(20, ChronoUnit.DAYS), false);

        CohortRetention figures = new CohortRetention(cohorts, members, names, course, jdbc, Clock.fixed(now, ZoneOffset.UTC));
        Learners.actAs(instructor);

        // by hand: FACTOR = 0.9^(1/-0.1542) - 1 = 0.98034649; a week on, Ann's t = 17 days, Bob's 27 whole days
        double annR = Math.pow(1 + 0.98034649 * 17 / 10, -0.1542);
        double bobR = Math.pow(1 + 0.98034649 * 27 / 5, -0.1542);
        assertThat(bobR).isCloseTo(0.75302, within(1e-4));
        List<CohortRetention.ObjectiveRetention> rows = figures.retentionByObjective(cohort.id());
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.lessonId()).isEqualTo("first-lesson");
            assertThat(row.objective()).isEqualTo(1);
            assertThat(row.cards()).isEqualTo(2);
            assertThat(row.learners()).isEqualTo(2);
            assertThat(row.recallInAWeek()).isCloseTo((annR + bobR) / 2, within(1e-6));
            assertThat(row.recallRate()).as("no review in the deck yet").isNull();
            assertThat(row.reviews()).isZero();
        });
        assertThat(figures.overdueLearners(cohort.id())).extracting(CohortRetention.OverdueLearner::displayName)
                .containsExactly("Bob Fading");

        Learners.actAs(people.instructor("Other Teacher"));
        assertThatThrownBy(() -> figures.retentionByObjective(cohort.id())).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> figures.overdueLearners(cohort.id())).isInstanceOf(RuntimeException.class);
    }

    /**
     * Issue 19: minutes after a cohort got 3 of 10 reviews wrong, the page showed 100% (retrievability right after any
     * review is about 1). Now: 70% recalled at review, and a week's prediction well below 100%; the same-day repeats
     * of the missed questions, answered right, do not lift the rate.
     */
    @Test
    void minutesAfterThreeOfTenReviewsWentWrongRetentionIsNotFull() {
        CurrentUser instructor = people.instructor("Ines Minutes");
        CurrentUser ann = people.learner("Ann Six");
        CurrentUser bob = people.learner("Bob Four");
        Learners.actAs(instructor);
        CohortSummary cohort = cohorts.createCohort("Three of ten");
        org.compassioncourse.support.MutableClock clock = new org.compassioncourse.support.MutableClock(now);
        ReviewService reviews = new ReviewService(course, cards, logs, signedInUser, transactions, clock);
        DeckEnrolment enrolment = new DeckEnrolment(course, cards, clock, transactions, knowledgeCheckAnswers);
        for (CurrentUser learner : List.of(ann, bob)) {
            Learners.actAs(learner);
            cohorts.join(cohort.joinCode());
            enrolment.enrol(learner.accountId(), "first-lesson");
        }
        clock.advance(Duration.ofDays(1));
        // Ann answers 6 (2 wrong), Bob 4 (1 wrong): 3 of 10 wrong, a minute apart
        answer(reviews, clock, ann, 6, 2);
        answer(reviews, clock, bob, 4, 1);
        clock.advance(Duration.ofMinutes(10));
        Learners.actAs(ann);
        for (ReviewService.ReviewItem repeat : reviews.dueSession(ZoneOffset.UTC)) { // the two missed ones, right this time
            reviews.answer(repeat.cardId(), repeat.reviewNumber(), org.compassioncourse.support.KeyedAnswers.right(
                    course.question(repeat.paper().id()).orElseThrow()), Sureness.SURE, ZoneOffset.UTC);
        }
        clock.advance(Duration.ofMinutes(5));

        Learners.actAs(instructor);
        CohortRetention.ObjectiveRetention row = new CohortRetention(cohorts, members, names, course, jdbc, clock)
                .retentionByObjective(cohort.id()).getFirst();
        assertThat(row.reviews()).isEqualTo(10);
        assertThat(row.recallRate()).isEqualTo(0.7);
        assertThat(row.recallInAWeek()).isLessThan(0.9);
        assertThat(org.compassioncourse.base.Percent.format(row.recallRate())).isEqualTo("70%");
    }

    private void answer(ReviewService reviews, org.compassioncourse.support.MutableClock clock, CurrentUser learner, int howMany, int wrong) {
        Learners.actAs(learner);
        List<ReviewService.ReviewItem> items = reviews.dueSession(ZoneOffset.UTC);
        assertThat(items).hasSizeGreaterThanOrEqualTo(howMany);
        for (int i = 0; i < howMany; i++) {
            ReviewService.ReviewItem item = items.get(i);
            org.compassioncourse.content.Question question = course.question(item.paper().id()).orElseThrow();
            reviews.answer(item.cardId(), item.reviewNumber(), i < wrong
                    ? org.compassioncourse.support.KeyedAnswers.wrong(course, question)
                    : org.compassioncourse.support.KeyedAnswers.right(question), Sureness.FAIRLY_SURE, ZoneOffset.UTC);
            clock.advance(Duration.ofMinutes(1));
        }
    }
}

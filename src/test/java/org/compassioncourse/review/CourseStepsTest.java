package org.compassioncourse.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.compassioncourse.review.FsrsScheduler.Card;
import org.compassioncourse.review.FsrsScheduler.Outcome;
import org.compassioncourse.review.FsrsScheduler.Rating;
import org.compassioncourse.review.FsrsScheduler.State;
import org.junit.jupiter.api.Test;

/**
 * The course's steps (issue 19): a deck that does not nag. A day after the lessons a right answer, however sure,
 * is scheduled on a later day; a wrong one comes back at most once the same day; the knowledge-check answer counts
 * as the first review, so the deck starts in days.
 */
class CourseStepsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** The lessons and their knowledge check: Monday 7 December 2026, 16:00 in Berlin. */
    private static final Instant LESSONS = Instant.parse("2026-12-07T15:00:00Z");
    private final FsrsScheduler scheduler = new FsrsScheduler(0.9);

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, BERLIN);
    }

    @Test
    void aRightAnswerADayAfterTheLessonsIsNotDueAgainTheSameDayHoweverSure() {
        Instant nextMorning = LESSONS.plus(Duration.ofHours(17)); // Tuesday 09:00
        for (Rating rating : new Rating[]{Rating.HARD, Rating.GOOD, Rating.EASY}) {
            // a card never reviewed (no knowledge-check answer) and a card whose knowledge-check answer was right
            for (Card card : new Card[]{Card.fresh(LESSONS.plus(Duration.ofDays(1))), scheduler.firstReviewElsewhere(Rating.GOOD, LESSONS)}) {
                Outcome outcome = scheduler.review(card, rating, nextMorning, BERLIN);
                assertThat(outcome.card().state()).as(rating + " after " + card.state()).isEqualTo(State.REVIEW);
                assertThat(day(outcome.card().due())).as(rating + " after " + card.state()).isAfter(day(nextMorning));
                assertThat(outcome.scheduledDays()).isGreaterThanOrEqualTo(1);
            }
        }
    }

    @Test
    void aWrongAnswerComesBackOnceTheSameDayAndThenInDaysWhateverTheRepeat() {
        Instant nextMorning = LESSONS.plus(Duration.ofHours(17));
        for (Card card : new Card[]{Card.fresh(LESSONS.plus(Duration.ofDays(1))), scheduler.firstReviewElsewhere(Rating.GOOD, LESSONS)}) {
            Outcome wrong = scheduler.review(card, Rating.AGAIN, nextMorning, BERLIN);
            assertThat(wrong.card().due()).isEqualTo(nextMorning.plus(FsrsScheduler.SAME_DAY_STEP));
            for (Rating repeat : Rating.values()) {
                Outcome again = scheduler.review(wrong.card(), repeat, wrong.card().due(), BERLIN);
                assertThat(day(again.card().due())).as("repeat rated " + repeat).isAfter(day(nextMorning));
                assertThat(again.card().state()).isEqualTo(State.REVIEW);
            }
        }
    }

    @Test
    void aWholeDayOfWrongAnswersShowsACardAtMostTwice() {
        Card card = scheduler.firstReviewElsewhere(Rating.AGAIN, LESSONS);
        Instant at = card.due();
        LocalDate today = day(at);
        int shown = 0;
        while (day(at).equals(today)) {
            shown++;
            card = scheduler.review(card, Rating.AGAIN, at, BERLIN).card();
            at = card.due();
        }
        assertThat(shown).isEqualTo(2);
    }

    @Test
    void theKnowledgeCheckAnswerIsTheFirstReviewSoTheDeckStartsInDays() {
        Card right = scheduler.firstReviewElsewhere(Rating.GOOD, LESSONS);
        Card wrong = scheduler.firstReviewElsewhere(Rating.AGAIN, LESSONS);
        assertThat(right.state()).isEqualTo(State.REVIEW);
        assertThat(right.reps()).isEqualTo(1);
        assertThat(right.lastReview()).isEqualTo(LESSONS);
        // FSRS-6 first rating Good: S = 2.3065 → 2 days; Again: S = 0.212 → at least a day
        assertThat(right.due()).isEqualTo(LESSONS.plus(Duration.ofDays(2)));
        assertThat(wrong.state()).isEqualTo(State.REVIEW);
        assertThat(wrong.due()).isEqualTo(LESSONS.plus(Duration.ofDays(1)));
    }

    @Test
    void elapsedDaysAreTheLearnersCalendarDaysSoAnEarlyMorningReviewIsNotSameDay() {
        Card card = scheduler.firstReviewElsewhere(Rating.AGAIN, LESSONS); // Monday 16:00 Berlin
        Instant tuesdayEarly = Instant.parse("2026-12-08T06:00:00Z");      // Tuesday 07:00 Berlin, 15 hours later
        assertThat(scheduler.review(card, Rating.GOOD, tuesdayEarly, BERLIN).elapsedDays()).isEqualTo(1);
    }

    @Test
    void onTheDayTheClocksGoBackACardScheduledForTomorrowIsNotDueTheSameEvening() {
        ZoneId london = ZoneId.of("Europe/London");
        Instant justAfterMidnight = Instant.parse("2026-10-25T00:30:00+01:00"); // a 25-hour day in London
        Outcome outcome = scheduler.review(Card.fresh(justAfterMidnight), Rating.HARD, justAfterMidnight, london);
        assertThat(outcome.scheduledDays()).isEqualTo(1);
        assertThat(LocalDate.ofInstant(outcome.card().due(), london)).isEqualTo(LocalDate.of(2026, 10, 26));
    }
}

package org.compassioncourse.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.compassioncourse.review.FsrsScheduler.Card;
import org.compassioncourse.review.FsrsScheduler.Rating;
import org.junit.jupiter.api.Test;

/** The reference vectors of ../shared/FSRS.md (py-fsrs, ts-fsrs, fsrs-rs), to their tolerance of 1e-4. */
class FsrsSchedulerTest {

    private static final Instant START = Instant.parse("2022-11-29T12:30:00Z");
    /** The reference vectors use py-fsrs's learning steps; the course's own steps are tested in CourseStepsTest. */
    private final FsrsScheduler scheduler = new FsrsScheduler(FsrsScheduler.DEFAULT_WEIGHTS, 0.9, FsrsScheduler.Steps.REFERENCE);

    @Test
    void memoryStateAfterAgainThenFiveGoodsMatchesTheReference() {
        assertThat(memoryState(scheduler).stability()).isCloseTo(53.62691, within(1e-4));
        assertThat(memoryState(scheduler).difficulty()).isCloseTo(6.3574867, within(1e-4));
    }

    @Test
    void withoutTheSameDayWeightsTheMemoryStateMatchesTheReferenceToo() {
        double[] weights = FsrsScheduler.DEFAULT_WEIGHTS.clone();
        weights[17] = 0;
        weights[18] = 0;
        weights[19] = 0;
        Card card = memoryState(new FsrsScheduler(weights, 0.9, FsrsScheduler.Steps.REFERENCE));
        assertThat(card.stability()).isCloseTo(53.335106, within(1e-4));
        assertThat(card.difficulty()).isCloseTo(6.3574867, within(1e-4));
    }

    private static Card memoryState(FsrsScheduler scheduler) {
        int[] gaps = {0, 0, 1, 3, 8, 21};
        Rating[] ratings = {Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD};
        Card card = Card.fresh(START);
        Instant at = START;
        for (int i = 0; i < gaps.length; i++) {
            at = at.plus(Duration.ofDays(gaps[i]));
            card = scheduler.review(card, ratings[i], at).card();
        }
        return card;
    }

    @Test
    void intervalHistoryWhenEachReviewFallsOnItsDueTimeMatchesTheReference() {
        List<Rating> ratings = new ArrayList<>();
        for (int i = 0; i < 6; i++) ratings.add(Rating.GOOD);
        ratings.add(Rating.AGAIN);
        ratings.add(Rating.AGAIN);
        for (int i = 0; i < 5; i++) ratings.add(Rating.GOOD);
        Card card = Card.fresh(START);
        Instant at = START;
        List<Integer> days = new ArrayList<>();
        for (Rating rating : ratings) {
            FsrsScheduler.Outcome outcome = scheduler.review(card, rating, at);
            days.add(outcome.scheduledDays());
            card = outcome.card();
            at = card.due();
        }
        assertThat(days).containsExactly(0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21);
    }

    @Test
    void firstRatingSetsTheReferenceStabilityDifficultyAndInterval() {
        double[] s = {0.212, 1.2931, 2.3065, 8.2956};
        double[] d = {6.4133, 5.11217071, 2.11810397, 1};
        int[] days = {0, 0, 0, 8};
        for (Rating rating : Rating.values()) {
            FsrsScheduler.Outcome outcome = scheduler.review(Card.fresh(START), rating, START);
            assertThat(outcome.card().stability()).as(rating.name()).isCloseTo(s[rating.ordinal()], within(1e-4));
            assertThat(outcome.card().difficulty()).as(rating.name()).isCloseTo(d[rating.ordinal()], within(1e-4));
            assertThat(outcome.scheduledDays()).as(rating.name()).isEqualTo(days[rating.ordinal()]);
        }
        Card easy = scheduler.review(Card.fresh(START), Rating.EASY, START).card();
        assertThat(scheduler.retrievability(easy, easy.due())).isCloseTo(0.9024733, within(1e-4));
    }

    @Test
    void forgettingCurveWithDecayPointTwoMatchesTheReference() {
        double[] weights = FsrsScheduler.DEFAULT_WEIGHTS.clone();
        weights[20] = 0.2;
        FsrsScheduler curve = new FsrsScheduler(weights, 0.9, FsrsScheduler.Steps.REFERENCE);
        assertThat(curve.retrievability(1, 1)).isCloseTo(0.9, within(1e-4));
        assertThat(curve.retrievability(2, 1)).isCloseTo(0.84028935, within(1e-4));
        assertThat(curve.retrievability(3, 1)).isCloseTo(0.7985001, within(1e-4));
    }

    @Test
    void intervalsForRetentionFromPointOneToOneMatchTheReference() {
        long[] expected = {3116766, 34793, 2508, 387, 90, 27, 9, 3, 1, 1};
        for (int i = 0; i < expected.length; i++) {
            double retention = (i + 1) / 10.0;
            long interval = Math.max(1, Math.round(scheduler.exactIntervalDays(1, retention)));
            assertThat((double) interval).as("r=" + retention).isCloseTo(expected[i], within(expected[i] * 1e-5));
        }
    }

    @Test
    void atTheDesiredRetentionTheIntervalEqualsStabilityAndIsClampedToOneHundredYears() {
        assertThat(scheduler.intervalDays(37.4)).isEqualTo(37);
        assertThat(scheduler.intervalDays(0.01)).isEqualTo(1);
        assertThat(scheduler.intervalDays(1e9)).isEqualTo(FsrsScheduler.MAX_INTERVAL_DAYS);
        assertThat(scheduler.retrievability(42, 42)).isCloseTo(0.9, within(1e-9));
    }
}

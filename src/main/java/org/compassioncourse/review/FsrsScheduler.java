package org.compassioncourse.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Schedules one review card with FSRS-6, written from the published formulas (fsrs4anki wiki "The Algorithm",
 * py-fsrs 6.3.1, ts-fsrs 5.4.1, fsrs-rs 6.6.1; see ../shared/FSRS.md). Pure: no clock, no Spring, no Vaadin.
 * <p>
 * Two ways of stepping a card through the same day ({@link Steps}): the reference steps of py-fsrs (1 and 10
 * minutes for a new card, 10 minutes after a lapse, repeated until "Good"), kept for the reference vectors, and the
 * course's: a course is not a flash-card app, so a card in the deck comes back the same day at most once (one
 * 10-minute step after a wrong answer), and any answer after that step, or any right answer, moves it to days.
 * <p>
 * Days are the learner's calendar days: elapsed days count the dates between two reviews in the learner's time
 * zone (as Anki counts them), and a card scheduled in days is not due before that day begins. There is no fuzz:
 * intervals are deterministic, which keeps the tests exact and the learner's dates explainable.
 */
public final class FsrsScheduler {

    /** The FSRS-6 default parameters w0–w20 (identical in py-fsrs, ts-fsrs, fsrs-rs and the wiki). */
    public static final double[] DEFAULT_WEIGHTS = {0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,
            1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};

    public static final int MAX_INTERVAL_DAYS = 36500;
    private static final double MIN_STABILITY = 0.001;
    private static final List<Duration> LEARNING_STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(10));
    private static final List<Duration> RELEARNING_STEPS = List.of(Duration.ofMinutes(10));
    /** The course's one same-day step after a wrong answer. */
    public static final Duration SAME_DAY_STEP = Duration.ofMinutes(10);

    /** How a card is stepped through the same day. */
    public enum Steps {
        /** py-fsrs's learning steps 1 m and 10 m and relearning step 10 m, repeated until "Good": the reference vectors. */
        REFERENCE,
        /**
         * The course's: a wrong answer (Again) comes back once, {@link #SAME_DAY_STEP} later; whatever the answer to that
         * repeat on the same day, and any right answer at all, schedules the card in days.
         */
        COURSE
    }

    /** Again=1, Hard=2, Good=3, Easy=4. */
    public enum Rating {
        AGAIN, HARD, GOOD, EASY;

        int grade() {
            return ordinal() + 1;
        }
    }

    /** Where a card is in its life. */
    public enum State {
        LEARNING, REVIEW, RELEARNING
    }

    /**
     * A card's memory state; {@code stability} and {@code difficulty} are 0 (and {@code lastReview} null) before
     * its first review. {@code step} is the learning or relearning step, -1 in the review state.
     */
    public record Card(State state, int step, double stability, double difficulty, Instant due, @Nullable Instant lastReview,
                       int reps, int lapses) {

        public static Card fresh(Instant now) {
            return new Card(State.LEARNING, 0, 0, 0, now, null, 0, 0);
        }

        public boolean reviewed() {
            return lastReview != null;
        }
    }

    /** The card after a review, and the whole days elapsed since the previous review and scheduled until the next. */
    public record Outcome(Card card, int elapsedDays, int scheduledDays) {
    }

    private final double[] w;
    private final double desiredRetention;
    private final double decay;
    private final double factor;
    private final Steps steps;

    /** The course's scheduler: default weights, the course's steps. */
    public FsrsScheduler(double desiredRetention) {
        this(DEFAULT_WEIGHTS, desiredRetention, Steps.COURSE);
    }

    public FsrsScheduler(double[] weights, double desiredRetention, Steps steps) {
        this.steps = steps;
        if (weights.length != 21) {
            throw new IllegalArgumentException("FSRS-6 needs 21 weights, got " + weights.length);
        }
        if (!(desiredRetention > 0 && desiredRetention < 1)) {
            throw new IllegalArgumentException("desired retention must lie between 0 and 1, got " + desiredRetention);
        }
        this.w = weights.clone();
        this.desiredRetention = desiredRetention;
        this.decay = -w[20];
        this.factor = Math.pow(0.9, 1 / decay) - 1;
    }

    /** DECAY = −w20 of the forgetting curve. */
    public double decay() {
        return decay;
    }

    /** FACTOR = 0.9^(1/DECAY) − 1, so that R(S, S) = 0.9. */
    public double factor() {
        return factor;
    }

    public double desiredRetention() {
        return desiredRetention;
    }

    /** R(t, S) = (1 + FACTOR·t/S)^DECAY: the probability of recall t days after a review, given stability S. */
    public double retrievability(double elapsedDays, double stability) {
        return Math.pow(1 + factor * elapsedDays / stability, decay);
    }

    /** The retrievability of a card at a moment, counting whole days since its last review (0 before any review). */
    public double retrievability(Card card, Instant now) {
        if (!card.reviewed()) {
            return 0;
        }
        return retrievability(Math.max(0, wholeDays(card.lastReview(), now)), card.stability());
    }

    /** The unrounded, unclamped interval after which R falls to {@code retention}. */
    public double exactIntervalDays(double stability, double retention) {
        return stability / factor * (Math.pow(retention, 1 / decay) - 1);
    }

    /** The next interval in whole days for the desired retention, clamped to [1, 36500]. */
    public int intervalDays(double stability) {
        long rounded = Math.round(exactIntervalDays(stability, desiredRetention));
        return (int) Math.max(1, Math.min(MAX_INTERVAL_DAYS, rounded));
    }

    /** Rates a card at a moment, counting days in UTC. */
    public Outcome review(Card card, Rating rating, Instant now) {
        return review(card, rating, now, ZoneOffset.UTC);
    }

    /**
     * A card's first review given elsewhere (the lesson's knowledge check): the card leaves learning at once and is
     * scheduled in days from that answer, whatever the rating, as the lesson's own feedback was its same-day step.
     */
    public Card firstReviewElsewhere(Rating rating, Instant at) {
        double stability = initialStability(rating);
        return new Card(State.REVIEW, -1, stability, clampDifficulty(initialDifficulty(rating)),
                at.plus(Duration.ofDays(intervalDays(stability))), at, 1, 0);
    }

    /**
     * Rates a card at a moment and returns its next state and due time; {@code zone} is the learner's, for counting
     * calendar days.
     */
    public Outcome review(Card card, Rating rating, Instant now, ZoneId zone) {
        int elapsed = card.reviewed() ? (int) Math.max(0, calendarDays(card.lastReview(), now, zone)) : 0;
        double stability;
        double difficulty;
        if (!card.reviewed()) {
            stability = initialStability(rating);
            difficulty = clampDifficulty(initialDifficulty(rating));
        } else {
            difficulty = nextDifficulty(card.difficulty(), rating);
            if (elapsed < 1) {
                stability = shortTermStability(card.stability(), rating);
            } else {
                double r = retrievability(elapsed, card.stability());
                stability = rating == Rating.AGAIN
                        ? forgetStability(card.difficulty(), card.stability(), r)
                        : recallStability(card.difficulty(), card.stability(), r, rating);
            }
        }
        stability = Math.max(MIN_STABILITY, stability);

        return steps == Steps.COURSE ? courseSteps(card, rating, now, zone, stability, difficulty, elapsed)
                : referenceSteps(card, rating, now, zone, stability, difficulty, elapsed);
    }

    private Outcome referenceSteps(Card card, Rating rating, Instant now, ZoneId zone, double stability, double difficulty,
                                   int elapsed) {
        State state = card.state();
        int step = card.step();
        Duration next;
        switch (state) {
            case LEARNING, RELEARNING -> {
                List<Duration> steps = state == State.LEARNING ? LEARNING_STEPS : RELEARNING_STEPS;
                if (rating == Rating.AGAIN) {
                    step = 0;
                    next = steps.getFirst();
                } else if (rating == Rating.HARD) {
                    next = step == 0 && steps.size() >= 2
                            ? steps.get(0).plus(steps.get(1)).dividedBy(2)
                            : step == 0 ? steps.getFirst().multipliedBy(3).dividedBy(2) : steps.get(Math.min(step, steps.size() - 1));
                } else if (rating == Rating.GOOD && step + 1 < steps.size()) {
                    step++;
                    next = steps.get(step);
                } else {
                    return inDays(card, rating, now, zone, stability, difficulty, elapsed);
                }
            }
            case REVIEW -> {
                if (rating == Rating.AGAIN) {
                    state = State.RELEARNING;
                    step = 0;
                    next = RELEARNING_STEPS.getFirst();
                } else {
                    return inDays(card, rating, now, zone, stability, difficulty, elapsed);
                }
            }
            default -> throw new IllegalStateException();
        }
        return sameDay(card, rating, now, state, step, stability, difficulty, elapsed, next);
    }

    /**
     * One same-day step at most: Again sends a card to the step unless it took its step earlier the same day (then,
     * as after any right answer, the card goes to days).
     */
    private Outcome courseSteps(Card card, Rating rating, Instant now, ZoneId zone, double stability, double difficulty,
                                int elapsed) {
        boolean steppedToday = card.reviewed() && card.state() != State.REVIEW && elapsed == 0;
        if (rating == Rating.AGAIN && !steppedToday) {
            State state = card.state() == State.REVIEW ? State.RELEARNING : card.state();
            return sameDay(card, rating, now, state, 0, stability, difficulty, elapsed, SAME_DAY_STEP);
        }
        return inDays(card, rating, now, zone, stability, difficulty, elapsed);
    }

    private Outcome sameDay(Card card, Rating rating, Instant now, State state, int step, double stability,
                            double difficulty, int elapsed, Duration next) {
        Card after = new Card(state, step, stability, difficulty, now.plus(next), now, card.reps() + 1, lapses(card, rating));
        return new Outcome(after, elapsed, 0);
    }

    /** Scheduled in whole days, and never before the learner's day that many days on has begun. */
    private Outcome inDays(Card card, Rating rating, Instant now, ZoneId zone, double stability, double difficulty,
                           int elapsed) {
        int days = intervalDays(stability);
        Instant due = now.plus(Duration.ofDays(days));
        Instant dayBegins = LocalDate.ofInstant(now, zone).plusDays(days).atStartOfDay(zone).toInstant();
        if (due.isBefore(dayBegins)) {
            due = dayBegins; // a 25-hour day (clocks going back) must not leave the card due the same day
        }
        Card after = new Card(State.REVIEW, -1, stability, difficulty, due, now, card.reps() + 1, lapses(card, rating));
        return new Outcome(after, elapsed, days);
    }

    private static int lapses(Card card, Rating rating) {
        return card.lapses() + (card.state() == State.REVIEW && rating == Rating.AGAIN ? 1 : 0);
    }

    /** The learner's calendar days from one moment to another (0 on the same date). */
    public static long calendarDays(Instant from, Instant to, ZoneId zone) {
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(from, zone), LocalDate.ofInstant(to, zone));
    }

    private static long wholeDays(Instant from, Instant to) {
        return Duration.between(from, to).toDays();
    }

    private double initialStability(Rating rating) {
        return Math.max(MIN_STABILITY, w[rating.grade() - 1]);
    }

    private double initialDifficulty(Rating rating) {
        return w[4] - Math.exp(w[5] * (rating.grade() - 1)) + 1;
    }

    private static double clampDifficulty(double d) {
        return Math.max(1, Math.min(10, d));
    }

    private double nextDifficulty(double d, Rating rating) {
        double delta = -w[6] * (rating.grade() - 3);
        double damped = d + delta * (10 - d) / 9;
        // The mean-reversion target D0(Easy) stays unclamped, as in py-fsrs, ts-fsrs and fsrs-rs.
        return clampDifficulty(w[7] * initialDifficulty(Rating.EASY) + (1 - w[7]) * damped);
    }

    private double recallStability(double d, double s, double r, Rating rating) {
        double hardPenalty = rating == Rating.HARD ? w[15] : 1;
        double easyBonus = rating == Rating.EASY ? w[16] : 1;
        return s * (1 + Math.exp(w[8]) * (11 - d) * Math.pow(s, -w[9]) * (Math.exp(w[10] * (1 - r)) - 1)
                * hardPenalty * easyBonus);
    }

    private double forgetStability(double d, double s, double r) {
        double longTerm = w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1) * Math.exp(w[14] * (1 - r));
        double shortTerm = s / Math.exp(w[17] * w[18]);
        return Math.min(longTerm, shortTerm);
    }

    /** Same-day review; as fsrs-rs, a pass (Hard or better) never lowers stability. */
    private double shortTermStability(double s, Rating rating) {
        double increase = Math.exp(w[17] * (rating.grade() - 3 + w[18])) * Math.pow(s, -w[19]);
        return s * (rating.grade() >= 2 ? Math.max(1, increase) : increase);
    }
}

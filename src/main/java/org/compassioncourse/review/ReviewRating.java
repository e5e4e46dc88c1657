package org.compassioncourse.review;

/**
 * The FSRS rating of one review, from the answer's score and how sure the learner was: wrong → Again; right and not
 * sure → Hard; fairly sure → Good; sure → Easy. Partial credit below 1 counts as wrong for the schedule (the
 * feedback still shows the partial score): a half-remembered answer is a lapse to relearn.
 */
public final class ReviewRating {

    private ReviewRating() {
    }

    public static FsrsScheduler.Rating of(double score, Sureness sureness) {
        if (score < 1) {
            return FsrsScheduler.Rating.AGAIN;
        }
        return switch (sureness) {
            case NOT_SURE -> FsrsScheduler.Rating.HARD;
            case FAIRLY_SURE -> FsrsScheduler.Rating.GOOD;
            case SURE -> FsrsScheduler.Rating.EASY;
        };
    }

    /**
     * A knowledge-check answer counted as a card's first review: it asks no sureness, so right (full credit) → Good,
     * otherwise Again.
     */
    public static FsrsScheduler.Rating ofKnowledgeCheck(boolean right) {
        return right ? FsrsScheduler.Rating.GOOD : FsrsScheduler.Rating.AGAIN;
    }
}

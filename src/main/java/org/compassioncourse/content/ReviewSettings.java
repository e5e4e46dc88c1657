package org.compassioncourse.content;

/**
 * Spaced review of the knowledge-check questions, as set in course.yaml under 'review'.
 *
 * @param desiredRetention the probability of recall at which a card falls due (FSRS; 0.9 = 90 %)
 * @param sessionSize      how many due cards one review session holds at most
 */
public record ReviewSettings(double desiredRetention, int sessionSize) {

    public static final ReviewSettings DEFAULTS = new ReviewSettings(0.9, 10);
}

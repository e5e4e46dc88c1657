package org.compassioncourse.quiz;

import java.util.Map;

/**
 * The score of one answer, between 0 and 1, and which parts (options, pairs, items, positions) were right, so
 * that feedback can say so part by part.
 */
public record Grade(double score, Map<String, Boolean> partsCorrect) {

    public Grade {
        if (score < 0 || score > 1) {
            throw new IllegalArgumentException("score out of range: " + score);
        }
        partsCorrect = Map.copyOf(partsCorrect);
    }

    public boolean fullyCorrect() {
        return score >= 1.0 - 1e-9;
    }
}

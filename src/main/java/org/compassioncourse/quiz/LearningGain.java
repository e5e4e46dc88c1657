package org.compassioncourse.quiz;

import java.util.Optional;

/** Hake's normalised learning gain: how much of the possible improvement a learner achieved. */
public final class LearningGain {

    private LearningGain() {
    }

    /**
     * (post − pre) / (100 − pre), with scores in percent. Undefined (empty) when the pre-test was already 100%,
     * as there was nothing left to gain.
     */
    public static Optional<Double> normalised(double prePercent, double postPercent) {
        if (prePercent >= 100.0) {
            return Optional.empty();
        }
        return Optional.of((postPercent - prePercent) / (100.0 - prePercent));
    }
}

package org.compassioncourse.base;

/**
 * Whole percentages as every page, report and export shows them: rounded half up, never truncated (6 of 7 is 86%,
 * not 85%). The one place that turns a share into a percentage; scores with a decimal use {@code ScorePercent}.
 */
public final class Percent {

    private Percent() {
    }

    /** {@code part} of {@code whole} in whole percent; 0 when there is no whole. */
    public static int of(long part, long whole) {
        return whole <= 0 ? 0 : (int) Math.round(part * 100.0 / whole);
    }

    /** A share between 0 and 1 in whole percent, e.g. 0.857 → 86. */
    public static int ofShare(double share) {
        return (int) Math.round(share * 100.0);
    }

    /** A share between 0 and 1 as text, e.g. 0.857 → "86%". */
    public static String format(double share) {
        return ofShare(share) + "%";
    }
}

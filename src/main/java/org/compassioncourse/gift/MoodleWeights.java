package org.compassioncourse.gift;

import java.util.List;
import java.util.Locale;

/**
 * The answer weights Moodle's question bank accepts (its "fraction options"), in percent; the same with a minus sign
 * for penalties. A GIFT weight off this list (e.g. {@code %33%}) is an error, not something to round.
 */
final class MoodleWeights {

    static final List<Double> ALLOWED = List.of(100.0, 90.0, 83.33333, 80.0, 75.0, 70.0, 66.66667, 60.0, 50.0, 40.0,
            33.33333, 30.0, 25.0, 20.0, 16.66667, 14.28571, 12.5, 11.11111, 10.0, 5.0, 0.0);
    private static final double TOLERANCE = 0.00001;

    private MoodleWeights() {
    }

    static boolean allowed(double percent) {
        return ALLOWED.stream().anyMatch(a -> Math.abs(Math.abs(percent) - a) < TOLERANCE);
    }

    /** The allowed weight closest to {@code 100 / parts}: each of {@code parts} equal shares of the mark. */
    static double share(int parts) {
        double exact = 100.0 / parts;
        return ALLOWED.stream().filter(a -> a > 0).min((a, b) -> Double.compare(Math.abs(a - exact), Math.abs(b - exact)))
                .orElse(5.0);
    }

    static String format(double percent) {
        String text = String.format(Locale.ROOT, "%.5f", percent);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}

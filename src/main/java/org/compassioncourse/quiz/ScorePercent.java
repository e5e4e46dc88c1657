package org.compassioncourse.quiz;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** A score as every page shows it: whole percentages as such, others to one decimal ("17%", "16.7%"). */
public final class ScorePercent {

    private ScorePercent() {
    }

    public static String format(double percent) {
        // a new DecimalFormat per call: the class is not thread-safe
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.UK)).format(percent) + "%";
    }
}

package org.compassioncourse.completion;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A cohort's course evaluations added up: counts per Likert point and the mean point for each statement, and the
 * free-text answers without names (nor the order they came in).
 *
 * @param scale the Likert points, lowest first; {@code counts} follow the same order
 */
public record EvaluationResults(String cohortName, int responses, List<String> scale, List<LikertItem> likert,
                                List<Comment> comments) {

    public record LikertItem(String itemId, String text, String group, List<Long> counts) {

        /** How many learners answered this statement. */
        public long answers() {
            return counts.stream().mapToLong(Long::longValue).sum();
        }

        /** The mean point, 1 = the lowest point of the scale; null when nobody answered. */
        public @Nullable Double mean() {
            long answers = answers();
            if (answers == 0) {
                return null;
            }
            double sum = 0;
            for (int i = 0; i < counts.size(); i++) {
                sum += (i + 1) * (double) counts.get(i);
            }
            return sum / answers;
        }

        /** The mean with two decimals, e.g. "4.25", or "—" when nobody answered. */
        public String meanText() {
            Double mean = mean();
            return mean == null ? "—" : String.format(java.util.Locale.ROOT, "%.2f", mean);
        }
    }

    public record Comment(String question, String text) {
    }
}

package org.compassioncourse.completion;

import java.util.List;

/**
 * A cohort's course evaluations added up: counts per Likert point for each statement, and the free-text answers
 * without names (nor the order they came in).
 *
 * @param scale the Likert points, lowest first; {@code counts} follow the same order
 */
public record EvaluationResults(String cohortName, int responses, List<String> scale, List<LikertItem> likert,
                                List<Comment> comments) {

    public record LikertItem(String itemId, String text, List<Long> counts) {
    }

    public record Comment(String question, String text) {
    }
}

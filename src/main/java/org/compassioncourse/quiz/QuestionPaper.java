package org.compassioncourse.quiz;

import org.compassioncourse.content.QuestionType;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A question as the learner's page receives it: texts and ids in the attempt's shuffled order, and nothing
 * else. No key and no feedback: those stay on the server until the quiz's feedback setting allows them.
 */
public record QuestionPaper(String id, QuestionType type, String stem, @Nullable String scenario,
                            List<Choice> options, List<Choice> lefts, List<Choice> rights,
                            List<Choice> categories, List<Choice> items, @Nullable String figureId) {

    /** Something to choose, match, sort or order: an id and the text shown. */
    public record Choice(String id, String text) {
    }
}

package org.compassioncourse.quiz;

import org.compassioncourse.content.Question;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Turns questions into papers for the page, shuffled per attempt (the same attempt always shuffles alike). */
final class QuestionPapers {

    private QuestionPapers() {
    }

    static QuestionPaper of(Question question, long attemptSeed) {
        Random random = new Random(attemptSeed ^ question.id().hashCode());
        List<QuestionPaper.Choice> none = List.of();
        return switch (question.body()) {
            case Question.Choice choice -> new QuestionPaper(question.id(), question.type(), question.stem(), question.scenario(),
                    shuffled(choice.options().stream().map(o -> new QuestionPaper.Choice(o.id(), o.text())).toList(), random),
                    none, none, none, none, null);
            case Question.TrueFalse ignored -> new QuestionPaper(question.id(), question.type(), question.stem(), question.scenario(),
                    List.of(new QuestionPaper.Choice("true", "True"), new QuestionPaper.Choice("false", "False")),
                    none, none, none, none, null);
            case Question.Matching matching -> new QuestionPaper(question.id(), question.type(), question.stem(), question.scenario(), none,
                    matching.pairs().stream().map(p -> new QuestionPaper.Choice(p.id(), p.left())).toList(),
                    shuffled(matching.pairs().stream().map(p -> new QuestionPaper.Choice(p.id(), p.right())).toList(), random),
                    none, none, null);
            case Question.Categorise categorise -> new QuestionPaper(question.id(), question.type(), question.stem(), question.scenario(),
                    none, none, none,
                    categorise.categories().stream().map(c -> new QuestionPaper.Choice(c.id(), c.label())).toList(),
                    shuffled(categorise.items().stream().map(i -> new QuestionPaper.Choice(i.id(), i.text())).toList(), random), null);
            case Question.Ordering ordering -> new QuestionPaper(question.id(), question.type(), question.stem(), question.scenario(),
                    none, none, none, none, shuffledOutOfOrder(ordering.items().stream()
                    .map(i -> new QuestionPaper.Choice(i.id(), i.text())).toList(), random), null);
            case Question.Hotspot hotspot -> new QuestionPaper(question.id(), question.type(), question.stem(), question.scenario(),
                    none, none, none, none, none, hotspot.figureId());
        };
    }

    private static <T> List<T> shuffled(List<T> items, Random random) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return List.copyOf(copy);
    }

    /** An ordering question must not start out already solved. */
    private static <T> List<T> shuffledOutOfOrder(List<T> items, Random random) {
        List<T> copy = new ArrayList<>(items);
        do {
            Collections.shuffle(copy, random);
        } while (copy.equals(items) && items.size() > 1);
        return List.copyOf(copy);
    }
}

package org.compassioncourse.support;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.Question;
import org.compassioncourse.quiz.Answer;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The answers a test gives when it needs a learner who knows the key, for every question type. */
public final class KeyedAnswers {

    private KeyedAnswers() {
    }

    public static Answer right(Question question) {
        return switch (question.body()) {
            case Question.Choice c -> new Answer.Choices(Set.copyOf(c.correct()));
            case Question.TrueFalse tf -> new Answer.TrueOrFalse(tf.answer());
            case Question.Matching m -> new Answer.Matches(m.pairs().stream().collect(Collectors.toMap(Question.Pair::id, Question.Pair::id)));
            case Question.Categorise c -> new Answer.Categories(c.items().stream().collect(Collectors.toMap(Question.Item::id, Question.Item::category)));
            case Question.Ordering o -> new Answer.Order(o.items().stream().map(Question.Item::id).toList());
            case Question.Hotspot h -> new Answer.Region(h.answerRegion());
        };
    }

    /** An answer that scores nothing, for every question type. */
    public static Answer wrong(Course course, Question question) {
        return switch (question.body()) {
            case Question.Choice c -> new Answer.Choices(Set.of(c.options().stream().map(Question.Option::id)
                    .filter(o -> !c.correct().contains(o)).findFirst().orElseThrow()));
            case Question.TrueFalse tf -> new Answer.TrueOrFalse(!tf.answer());
            case Question.Matching m -> {
                List<String> ids = m.pairs().stream().map(Question.Pair::id).toList();
                yield new Answer.Matches(ids.stream().collect(Collectors.toMap(id -> id, id -> ids.get((ids.indexOf(id) + 1) % ids.size()))));
            }
            case Question.Categorise c -> new Answer.Categories(c.items().stream().collect(Collectors.toMap(Question.Item::id,
                    i -> c.categories().stream().map(Question.Category::id).filter(id -> !id.equals(i.category())).findFirst().orElseThrow())));
            case Question.Ordering o -> new Answer.Order(o.items().stream().map(Question.Item::id).toList().reversed());
            case Question.Hotspot h -> new Answer.Region(course.figures().stream().filter(f -> f.id().equals(h.figureId()))
                    .flatMap(f -> f.regionIds().stream()).filter(r -> !r.equals(h.answerRegion())).findFirst().orElseThrow());
        };
    }
}

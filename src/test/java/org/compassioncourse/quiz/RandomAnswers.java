package org.compassioncourse.quiz;

import org.compassioncourse.content.Question;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Blind answers of a question's shape, for the simulated learners who know nothing (elimination, test-wise). */
final class RandomAnswers {

    private RandomAnswers() {
    }

    /**
     * A non-empty random set of options, a random true or false, shuffled pairs, random categories or a shuffled
     * order; hotspots are guessed from their figure's regions by the caller.
     */
    static Answer blind(Question question, Random random) {
        return switch (question.body()) {
            case Question.Choice c -> {
                Set<String> chosen = new HashSet<>();
                while (chosen.isEmpty()) {
                    c.options().forEach(o -> {
                        if (random.nextBoolean()) {
                            chosen.add(o.id());
                        }
                    });
                }
                yield new Answer.Choices(chosen);
            }
            case Question.TrueFalse t -> new Answer.TrueOrFalse(random.nextBoolean());
            case Question.Matching m -> {
                List<String> rights = new ArrayList<>(m.pairs().stream().map(Question.Pair::id).toList());
                Collections.shuffle(rights, random);
                Map<String, String> byLeft = new HashMap<>();
                for (int i = 0; i < rights.size(); i++) {
                    byLeft.put(m.pairs().get(i).id(), rights.get(i));
                }
                yield new Answer.Matches(byLeft);
            }
            case Question.Categorise c -> {
                Map<String, String> byItem = new HashMap<>();
                c.items().forEach(item -> byItem.put(item.id(), c.categories().get(random.nextInt(c.categories().size())).id()));
                yield new Answer.Categories(byItem);
            }
            case Question.Ordering o -> {
                List<String> order = new ArrayList<>(o.items().stream().map(Question.Item::id).toList());
                Collections.shuffle(order, random);
                yield new Answer.Order(order);
            }
            case Question.Hotspot h -> throw new IllegalStateException("hotspots are guessed from their figure's regions");
        };
    }
}

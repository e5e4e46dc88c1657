package org.compassioncourse.quiz;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a learner answered, one shape per kind of question. */
public sealed interface Answer {

    /** Options ticked (single choice, scenario: exactly one; multiple response: any number). */
    record Choices(Set<String> optionIds) implements Answer {
        public Choices {
            optionIds = Set.copyOf(optionIds);
        }
    }

    record TrueOrFalse(boolean value) implements Answer {
    }

    /** For each left-hand pair id, the pair id whose right-hand text the learner chose. */
    record Matches(Map<String, String> rightByLeft) implements Answer {
        public Matches {
            rightByLeft = Map.copyOf(rightByLeft);
        }
    }

    /** For each item id, the category id the learner chose. */
    record Categories(Map<String, String> categoryByItem) implements Answer {
        public Categories {
            categoryByItem = Map.copyOf(categoryByItem);
        }
    }

    /** Item ids in the order the learner put them. */
    record Order(List<String> itemIds) implements Answer {
        public Order {
            itemIds = List.copyOf(itemIds);
        }
    }

    /** The region the learner clicked. */
    record Region(String regionId) implements Answer {
    }

    /** "I don't know yet", chosen on the pre-test: an honest answer rather than a guess, graded 0. */
    record DontKnowYet() implements Answer {
    }

    /** A pre-test question left blank when the attempt was submitted: never stored, graded 0. */
    record Unanswered() implements Answer {
    }

    /** Whether this says nothing about the question, so it scores 0 whatever the key. */
    default boolean blank() {
        return this instanceof DontKnowYet || this instanceof Unanswered;
    }
}

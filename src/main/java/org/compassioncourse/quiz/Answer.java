package org.compassioncourse.quiz;

import org.jspecify.annotations.Nullable;

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
        @Override
        public NoAnswer noAnswer() {
            return NoAnswer.DONT_KNOW_YET;
        }
    }

    /** A pre-test question left blank when the attempt was submitted: stored as such on submission, graded 0. */
    record Unanswered() implements Answer {
        @Override
        public NoAnswer noAnswer() {
            return NoAnswer.NOT_ANSWERED;
        }
    }

    /**
     * Why a question holds nothing to grade, decided here once. Results, the learner's record and data export, the
     * instructor's drill-down, item analysis and the xAPI export all read this, so each of the two reads alike
     * everywhere (the same words, the same code).
     */
    enum NoAnswer {
        /** The learner said so (pre-test only). */
        DONT_KNOW_YET("I don't know yet", "dont-know"),
        /** The learner submitted the pre-test with the question blank. */
        NOT_ANSWERED("Not answered", "not-answered");

        private final String label;
        private final String code;

        NoAnswer(String label, String code) {
            this.label = label;
            this.code = code;
        }

        /** How it reads to people, e.g. "I don't know yet". */
        public String label() {
            return label;
        }

        /** How it reads to programs (stored answers, exports, xAPI), e.g. "dont-know". */
        public String code() {
            return code;
        }
    }

    /** What this is if it says nothing about the question (so it scores 0 whatever the key); null for a real answer. */
    default @Nullable NoAnswer noAnswer() {
        return null;
    }

    /** Whether this says nothing about the question, so it scores 0 whatever the key. */
    default boolean blank() {
        return noAnswer() != null;
    }

    /** The answer for a question that holds nothing to grade, for each reason. */
    static Answer of(NoAnswer noAnswer) {
        return switch (noAnswer) {
            case DONT_KNOW_YET -> new DontKnowYet();
            case NOT_ANSWERED -> new Unanswered();
        };
    }
}

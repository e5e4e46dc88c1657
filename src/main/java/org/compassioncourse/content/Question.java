package org.compassioncourse.content;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * One question of the bank: where it belongs (lesson, section, objective, reference), how it is used, and its
 * type-specific body holding the key and the feedback. Keys and feedback stay on the server: views get
 * questions only through the quiz service, which strips them.
 */
public record Question(String id, String lessonId, String sectionId, int objective, @Nullable String referenceId, Use use,
                       @Nullable String blueprint, boolean distinction, String stem, @Nullable String scenario,
                       Body body, String file, int line) {

    /** Where a question is asked. */
    public enum Use {
        /** the practice check at the end of its lesson */
        KNOWLEDGE_CHECK,
        /** the pre-test and the final assessment, drawn by blueprint slot */
        ASSESSMENT
    }

    public QuestionType type() {
        return body.type();
    }

    /** The type-specific part of a question. */
    public sealed interface Body permits Choice, TrueFalse, Matching, Categorise, Ordering, Hotspot {
        QuestionType type();
    }

    /**
     * A choice with the learner-visible text and the feedback explaining why it is right or wrong; {@code line} is where
     * it starts in its quiz file (0 if it was not read from one), so checks can point authors at the option itself.
     */
    public record Option(String id, String text, String feedback, int line) {

        public Option(String id, String text, String feedback) {
            this(id, text, feedback, 0);
        }
    }

    /** Single choice, scenario (single choice after a vignette) or multiple response. */
    public record Choice(QuestionType type, List<Option> options, List<String> correct) implements Body {
    }

    public record TrueFalse(boolean answer, String feedbackIfTrue, String feedbackIfFalse) implements Body {
        @Override
        public QuestionType type() {
            return QuestionType.TRUE_FALSE;
        }
    }

    /** Pairs to match: each left belongs with its own right. */
    public record Pair(String id, String left, String right, String feedback) {
    }

    public record Matching(List<Pair> pairs) implements Body {
        @Override
        public QuestionType type() {
            return QuestionType.MATCHING;
        }
    }

    public record Category(String id, String label) {
    }

    /** An item to categorise (with its category) or to order (category null). */
    public record Item(String id, String text, @Nullable String category, String feedback) {
    }

    public record Categorise(List<Category> categories, List<Item> items) implements Body {
        @Override
        public QuestionType type() {
            return QuestionType.CATEGORISE;
        }
    }

    /** Items listed in their correct order. */
    public record Ordering(List<Item> items) implements Body {
        @Override
        public QuestionType type() {
            return QuestionType.ORDERING;
        }
    }

    /** Click the region on a brain figure. */
    public record Hotspot(String figureId, String answerRegion, String feedbackCorrect, String feedbackIncorrect,
                          Map<String, String> regionFeedback) implements Body {
        @Override
        public QuestionType type() {
            return QuestionType.HOTSPOT;
        }
    }
}

package org.compassioncourse.gift;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * One question as read from a GIFT file, before it is turned into our YAML: Moodle's view of it (kind, text,
 * answers), plus what our own {@code // cc:} comment lines said about it, if any.
 */
record GiftQuestion(int line, @Nullable String category, @Nullable String title, String format, String text, Kind kind,
                    List<Answer> answers, List<Match> matches, List<String> orderItems, @Nullable Boolean truth,
                    String wrongFeedback, String rightFeedback, @Nullable String generalFeedback, Meta meta) {

    /** Moodle's question types as GIFT spells them; only some have a counterpart here. */
    enum Kind {
        CHOICE("multiple choice"), TRUE_FALSE("true/false"), MATCHING("matching"), ORDERING("ordering"),
        ESSAY("essay"), NUMERICAL("numerical"), SHORT_ANSWER("short answer"), MISSING_WORD("missing word"),
        DESCRIPTION("description");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** A choice: {@code =} marks the one right answer, {@code ~} the others, unless {@code %weight%} says otherwise. */
    record Answer(boolean equalsSign, @Nullable Double weight, String text, String feedback, int line) {
        double percent() {
            return weight != null ? weight : equalsSign ? 100 : 0;
        }
    }

    /** A matching pair; an empty left is a distractor (an extra answer). */
    record Match(String left, String right, int line) {
    }

    /** What {@code // cc:} lines said: key=value fields, category labels and per-item feedback by id. */
    record Meta(Map<String, String> fields, Map<String, String> categories, Map<String, String> feedback) {
        static final Meta NONE = new Meta(Map.of(), Map.of(), Map.of());

        @Nullable String get(String key) {
            return fields.get(key);
        }
    }
}

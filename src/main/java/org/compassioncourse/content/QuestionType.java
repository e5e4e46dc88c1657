package org.compassioncourse.content;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of question the course can ask, as authors name them in quizzes/*.yaml. */
public enum QuestionType {
    SINGLE_CHOICE("single-choice", false),
    MULTIPLE_RESPONSE("multiple-response", true),
    TRUE_FALSE("true-false", false),
    MATCHING("matching", true),
    CATEGORISE("categorise", true),
    ORDERING("ordering", true),
    SCENARIO("scenario", false),
    HOTSPOT("hotspot", false);

    private final String yamlName;
    private final boolean partialCredit;

    QuestionType(String yamlName, boolean partialCredit) {
        this.yamlName = yamlName;
        this.partialCredit = partialCredit;
    }

    /**
     * Whether an answer can earn part of the mark (multiple response, matching, categorise, ordering) rather than 1 or 0;
     * quiz.Grading holds the formulas. The item-writing rules keep a blueprint slot to one kind of scoring.
     */
    public boolean partialCredit() {
        return partialCredit;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<QuestionType> fromYaml(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
    }
}

package org.compassioncourse.content;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of question the course can ask, as authors name them in quizzes/*.yaml. */
public enum QuestionType {
    SINGLE_CHOICE("single-choice"),
    MULTIPLE_RESPONSE("multiple-response"),
    TRUE_FALSE("true-false"),
    MATCHING("matching"),
    CATEGORISE("categorise"),
    ORDERING("ordering"),
    SCENARIO("scenario"),
    HOTSPOT("hotspot");

    private final String yamlName;

    QuestionType(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<QuestionType> fromYaml(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
    }
}

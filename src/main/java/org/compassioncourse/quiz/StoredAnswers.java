package org.compassioncourse.quiz;

import java.util.Set;

/** Reading stored answers for reports, without exposing how they are stored. */
public final class StoredAnswers {

    private StoredAnswers() {
    }

    /** An answer in the stored form, for code that writes attempts directly (the synthetic cohort generator). */
    public static String stored(Answer answer) {
        return AnswerCodec.encode(answer);
    }

    /** A stored answer read back, for reports that need its shape (e.g. the xAPI response string). */
    public static Answer answer(String stored) {
        return AnswerCodec.decode(stored);
    }

    /** The option ids a stored answer chose (choice and true/false questions); empty for other types. */
    public static Set<String> chosenOptions(String stored) {
        return switch (AnswerCodec.decode(stored)) {
            case Answer.Choices choices -> choices.optionIds();
            case Answer.TrueOrFalse trueOrFalse -> Set.of(String.valueOf(trueOrFalse.value()));
            default -> Set.of();
        };
    }
}

package org.compassioncourse.completion.ui;

import org.compassioncourse.completion.CompletionService;
import org.compassioncourse.quiz.ui.ResultPageExtra;

import java.util.Optional;

/** Puts the completion moment on the final assessment's result page, once the final is passed. */
@org.springframework.stereotype.Component
class FinalResultCompletion implements ResultPageExtra {

    private final CompletionService completion;

    FinalResultCompletion(CompletionService completion) {
        this.completion = completion;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> forPassedFinal() {
        return Optional.of(new CompletionBlock(completion));
    }
}

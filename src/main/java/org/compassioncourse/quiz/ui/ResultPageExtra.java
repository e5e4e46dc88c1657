package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.Component;

import java.util.Optional;

/**
 * Something another feature shows on the final assessment's result page once the final is passed (the completion
 * moment), so that the quiz feature needs to know nothing of it.
 */
public interface ResultPageExtra {

    Optional<Component> forPassedFinal();
}

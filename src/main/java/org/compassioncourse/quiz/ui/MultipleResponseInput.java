package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.QuestionPaper;

import java.util.Optional;
import java.util.stream.Collectors;

/** Multiple response: check boxes; the learner ticks every answer that applies. */
class MultipleResponseInput implements QuestionInput {

    private final QuestionPaper paper;
    private final CheckboxGroup<QuestionPaper.Choice> group = new CheckboxGroup<>();

    MultipleResponseInput(QuestionPaper paper) {
        this.paper = paper;
        group.setLabel("Tick every answer that applies");
        group.setItems(paper.options());
        group.setItemLabelGenerator(QuestionPaper.Choice::text);
        group.addClassName("answer-group");
        // one option per line: options side by side, wrapping at random points, are hard to compare
        group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        group.setId("answer-" + paper.id());
    }

    @Override
    public Component component() {
        return group;
    }

    @Override
    public Optional<Answer> answer() {
        if (group.getValue().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Answer.Choices(group.getValue().stream().map(QuestionPaper.Choice::id).collect(Collectors.toSet())));
    }

    @Override
    public void show(Answer answer) {
        if (answer instanceof Answer.Choices choices) {
            group.setValue(paper.options().stream().filter(o -> choices.optionIds().contains(o.id())).collect(Collectors.toSet()));
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        group.setReadOnly(readOnly);
    }

    @Override
    public void onChange(Runnable listener) {
        group.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                listener.run();
            }
        });
    }
}

package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import org.compassioncourse.content.QuestionType;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.QuestionPaper;

import java.util.Optional;
import java.util.Set;

/** Single choice, scenario and true/false: radio buttons, usable with arrow keys. */
class SingleChoiceInput implements QuestionInput {

    private final QuestionPaper paper;
    private final RadioButtonGroup<QuestionPaper.Choice> group = new RadioButtonGroup<>();

    SingleChoiceInput(QuestionPaper paper) {
        this.paper = paper;
        group.setLabel("Your answer");
        group.setItems(paper.options());
        group.setItemLabelGenerator(QuestionPaper.Choice::text);
        group.addClassName("answer-group");
        // one option per line: options side by side, wrapping at random points, are hard to compare
        group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        group.setId("answer-" + paper.id());
    }

    @Override
    public Component component() {
        return group;
    }

    @Override
    public Optional<Answer> answer() {
        QuestionPaper.Choice value = group.getValue();
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(paper.type() == QuestionType.TRUE_FALSE ? new Answer.TrueOrFalse(value.id().equals("true"))
                : new Answer.Choices(Set.of(value.id())));
    }

    @Override
    public void show(Answer answer) {
        String id = switch (answer) {
            case Answer.TrueOrFalse t -> String.valueOf(t.value());
            case Answer.Choices c -> c.optionIds().stream().findFirst().orElse("");
            default -> "";
        };
        paper.options().stream().filter(o -> o.id().equals(id)).findFirst().ifPresent(group::setValue);
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

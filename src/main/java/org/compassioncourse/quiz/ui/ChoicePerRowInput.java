package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import org.compassioncourse.base.ui.SelectLists;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.QuestionPaper;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One labelled choice per row: matching (each left-hand item gets a drop-down of right-hand texts) and
 * categorise (each statement gets radio buttons of the categories). Works by keyboard and screen reader.
 */
class ChoicePerRowInput implements QuestionInput {

    private final Div root = new Div();
    private final Map<String, HasValue<?, QuestionPaper.Choice>> fields = new LinkedHashMap<>();
    private final List<QuestionPaper.Choice> options;
    private final Function<Map<String, String>, Answer> toAnswer;
    private final Function<Answer, Map<String, String>> fromAnswer;

    private ChoicePerRowInput(String className, List<QuestionPaper.Choice> rows, List<QuestionPaper.Choice> options,
                              Function<QuestionPaper.Choice, HasValue<?, QuestionPaper.Choice>> fieldFor,
                              Function<Map<String, String>, Answer> toAnswer, Function<Answer, Map<String, String>> fromAnswer) {
        this.options = options;
        this.toAnswer = toAnswer;
        this.fromAnswer = fromAnswer;
        root.addClassName(className);
        for (QuestionPaper.Choice row : rows) {
            HasValue<?, QuestionPaper.Choice> field = fieldFor.apply(row);
            fields.put(row.id(), field);
            root.add((Component) field);
        }
    }

    /** Matching: a drop-down of the (shuffled) right-hand texts for each left-hand item. */
    static ChoicePerRowInput matching(QuestionPaper paper) {
        return new ChoicePerRowInput("matching", paper.lefts(), paper.rights(), left -> {
            Select<QuestionPaper.Choice> select = new Select<>();
            select.setLabel(left.text());
            select.setPlaceholder("Choose the match");
            select.setItems(paper.rights());
            select.setItemLabelGenerator(QuestionPaper.Choice::text);
            select.setId("match-" + paper.id() + "-" + left.id());
            select.setWidthFull();
            return SelectLists.named(select, "Matches for " + left.text());
        }, Answer.Matches::new, answer -> answer instanceof Answer.Matches m ? m.rightByLeft() : Map.of());
    }

    /** Categorise: radio buttons of the categories for each statement. */
    static ChoicePerRowInput categorise(QuestionPaper paper) {
        return new ChoicePerRowInput("categorise", paper.items(), paper.categories(), item -> {
            RadioButtonGroup<QuestionPaper.Choice> group = new RadioButtonGroup<>();
            group.setLabel(item.text());
            group.setItems(paper.categories());
            group.setItemLabelGenerator(QuestionPaper.Choice::text);
            group.setId("categorise-" + paper.id() + "-" + item.id());
            group.addClassName("category-group");
            return group;
        }, Answer.Categories::new, answer -> answer instanceof Answer.Categories c ? c.categoryByItem() : Map.of());
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public Optional<Answer> answer() {
        Map<String, String> chosen = new HashMap<>();
        for (var entry : fields.entrySet()) {
            QuestionPaper.Choice value = entry.getValue().getValue();
            if (value == null) {
                return Optional.empty();
            }
            chosen.put(entry.getKey(), value.id());
        }
        return Optional.of(toAnswer.apply(chosen));
    }

    @Override
    public void show(Answer answer) {
        fromAnswer.apply(answer).forEach((row, choice) -> {
            HasValue<?, QuestionPaper.Choice> field = fields.get(row);
            if (field != null) {
                options.stream().filter(o -> o.id().equals(choice)).findFirst().ifPresent(field::setValue);
            }
        });
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        fields.values().forEach(f -> f.setReadOnly(readOnly));
    }

    @Override
    public void onChange(Runnable listener) {
        fields.values().forEach(f -> f.addValueChangeListener(e -> {
            if (e instanceof AbstractField.ComponentValueChangeEvent<?, ?> change && change.isFromClient()) {
                listener.run();
            }
        }));
    }
}

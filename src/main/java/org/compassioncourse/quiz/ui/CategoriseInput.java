package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.QuestionPaper;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Categorise: each statement gets a radio group of the categories (e.g. empathy, compassion, empathic distress). */
class CategoriseInput implements QuestionInput {

    private final QuestionPaper paper;
    private final Div root = new Div();
    private final Map<String, RadioButtonGroup<QuestionPaper.Choice>> groups = new LinkedHashMap<>();

    CategoriseInput(QuestionPaper paper) {
        this.paper = paper;
        root.addClassName("categorise");
        for (QuestionPaper.Choice item : paper.items()) {
            RadioButtonGroup<QuestionPaper.Choice> group = new RadioButtonGroup<>();
            group.setLabel(item.text());
            group.setItems(paper.categories());
            group.setItemLabelGenerator(QuestionPaper.Choice::text);
            group.setId("categorise-" + paper.id() + "-" + item.id());
            group.addClassName("category-group");
            groups.put(item.id(), group);
            root.add(group);
        }
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public Optional<Answer> answer() {
        Map<String, String> chosen = new HashMap<>();
        for (var entry : groups.entrySet()) {
            if (entry.getValue().getValue() == null) {
                return Optional.empty();
            }
            chosen.put(entry.getKey(), entry.getValue().getValue().id());
        }
        return Optional.of(new Answer.Categories(chosen));
    }

    @Override
    public void show(Answer answer) {
        if (answer instanceof Answer.Categories categories) {
            categories.categoryByItem().forEach((item, category) -> {
                RadioButtonGroup<QuestionPaper.Choice> group = groups.get(item);
                if (group != null) {
                    paper.categories().stream().filter(c -> c.id().equals(category)).findFirst().ifPresent(group::setValue);
                }
            });
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        groups.values().forEach(g -> g.setReadOnly(readOnly));
    }

    @Override
    public void onChange(Runnable listener) {
        groups.values().forEach(g -> g.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                listener.run();
            }
        }));
    }
}

package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.QuestionPaper;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Matching: for each item on the left, a labelled drop-down of the right-hand texts (keyboard friendly). */
class MatchingInput implements QuestionInput {

    private final QuestionPaper paper;
    private final Div root = new Div();
    private final Map<String, Select<QuestionPaper.Choice>> selects = new LinkedHashMap<>();

    MatchingInput(QuestionPaper paper) {
        this.paper = paper;
        root.addClassName("matching");
        for (QuestionPaper.Choice left : paper.lefts()) {
            Select<QuestionPaper.Choice> select = new Select<>();
            select.setLabel(left.text());
            select.setPlaceholder("Choose the match");
            select.setItems(paper.rights());
            select.setItemLabelGenerator(QuestionPaper.Choice::text);
            select.setId("match-" + paper.id() + "-" + left.id());
            select.setWidthFull();
            selects.put(left.id(), select);
            root.add(select);
        }
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public Optional<Answer> answer() {
        Map<String, String> chosen = new HashMap<>();
        for (var entry : selects.entrySet()) {
            if (entry.getValue().getValue() == null) {
                return Optional.empty();
            }
            chosen.put(entry.getKey(), entry.getValue().getValue().id());
        }
        return Optional.of(new Answer.Matches(chosen));
    }

    @Override
    public void show(Answer answer) {
        if (answer instanceof Answer.Matches matches) {
            matches.rightByLeft().forEach((left, right) -> {
                Select<QuestionPaper.Choice> select = selects.get(left);
                if (select != null) {
                    paper.rights().stream().filter(r -> r.id().equals(right)).findFirst().ifPresent(select::setValue);
                }
            });
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        selects.values().forEach(s -> s.setReadOnly(readOnly));
    }

    @Override
    public void onChange(Runnable listener) {
        selects.values().forEach(s -> s.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                listener.run();
            }
        }));
    }
}

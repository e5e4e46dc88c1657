package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.QuestionPaper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Ordering: a numbered list with "move up" and "move down" buttons, so it works by keyboard and on touch. */
class OrderingInput implements QuestionInput {

    private final QuestionPaper paper;
    private final Div root = new Div();
    private final OrderedList list = new OrderedList();
    private final List<QuestionPaper.Choice> order;
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean readOnly;
    private boolean touched;
    private @org.jspecify.annotations.Nullable Button focused;
    private final Button keep = new Button("Keep this order as my answer");
    /** The buttons of the list as last drawn, by position, to put the focus back after a move. */
    private final List<Button> ups = new ArrayList<>();
    private final List<Button> downs = new ArrayList<>();

    OrderingInput(QuestionPaper paper) {
        this.paper = paper;
        this.order = new ArrayList<>(paper.items());
        root.addClassName("ordering");
        Span hint = new Span("Put the items in order with the Move up and Move down buttons.");
        hint.addClassName("hint");
        list.setId("order-" + paper.id());
        // the shown order may already be the learner's answer: let them say so without moving anything
        keep.setId("keep-order-" + paper.id());
        keep.addThemeVariants(ButtonVariant.LUMO_SMALL);
        keep.addClickListener(click -> {
            touched = true;
            listeners.forEach(Runnable::run);
        });
        root.add(hint, list, keep);
        render();
    }

    private void render() {
        list.removeAll();
        ups.clear();
        downs.clear();
        for (int i = 0; i < order.size(); i++) {
            QuestionPaper.Choice item = order.get(i);
            int index = i;
            Button up = new Button("Move up", e -> move(index, -1));
            up.setId("move-up-" + paper.id() + "-" + item.id());
            up.getElement().setAttribute("aria-label", "Move \"" + item.text() + "\" up");
            up.setEnabled(!readOnly && i > 0);
            Button down = new Button("Move down", e -> move(index, 1));
            down.setId("move-down-" + paper.id() + "-" + item.id());
            down.getElement().setAttribute("aria-label", "Move \"" + item.text() + "\" down");
            down.setEnabled(!readOnly && i < order.size() - 1);
            up.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            down.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            Span text = new Span(item.text());
            text.addClassName("order-text");
            // the list's own numbers do not show on a flex item: the position is written out (screen readers already
            // hear "1 of 3" from the ordered list, so the written number is hidden from them)
            Span number = new Span((i + 1) + ".");
            number.addClassName("order-number");
            number.getElement().setAttribute("aria-hidden", "true");
            ups.add(up);
            downs.add(down);
            // the two buttons stay together, inside the item's box, so on a phone they never seem to belong to the next item
            Span buttons = new Span(up, down);
            buttons.addClassName("order-buttons");
            ListItem li = new ListItem(number, text, buttons);
            li.addClassName("order-item");
            li.getElement().setAttribute("data-item", item.id());
            list.add(li);
        }
    }

    private void move(int index, int delta) {
        int target = index + delta;
        if (readOnly || target < 0 || target >= order.size()) {
            return;
        }
        QuestionPaper.Choice moved = order.remove(index);
        order.add(target, moved);
        touched = true;
        render();
        focusAfterMove(target, delta);
        listeners.forEach(Runnable::run);
    }

    /**
     * The list is redrawn, so the pressed button is gone: put the focus on the moved item's same button, or on its
     * other button once it reached the top or bottom (a disabled button cannot hold focus), not the page's top.
     */
    private void focusAfterMove(int target, int delta) {
        Button same = delta < 0 ? ups.get(target) : downs.get(target);
        Button other = delta < 0 ? downs.get(target) : ups.get(target);
        focused = same.isEnabled() ? same : other;
        focused.focus();
    }

    /** The button given the focus after the last move (for tests; the browser test checks the real focus). */
    @org.jspecify.annotations.Nullable Button focusedAfterMove() {
        return focused;
    }

    @Override
    public Component component() {
        return root;
    }

    /** Any order is an answer, but only once the learner has arranged it or confirmed it by answering. */
    @Override
    public Optional<Answer> answer() {
        return Optional.of(new Answer.Order(order.stream().map(QuestionPaper.Choice::id).toList()));
    }

    @Override
    public boolean chosen() {
        return touched;
    }

    @Override
    public void show(Answer answer) {
        if (answer instanceof Answer.Order given) {
            List<QuestionPaper.Choice> arranged = new ArrayList<>();
            for (String id : given.itemIds()) {
                paper.items().stream().filter(i -> i.id().equals(id)).findFirst().ifPresent(arranged::add);
            }
            if (arranged.size() == order.size()) {
                order.clear();
                order.addAll(arranged);
                render();
            }
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        keep.setVisible(!readOnly);
        render();
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}

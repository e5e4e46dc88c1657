package org.compassioncourse.base.ui;

import com.vaadin.flow.component.select.Select;

/**
 * Vaadin's Select opens a list box of options that has no accessible name of its own (axe-core reports it as a
 * serious violation while the list is open). Naming it after the field fixes that for screen readers.
 */
public final class SelectLists {

    private SelectLists() {
    }

    /** Gives the select's option list the same accessible name as the field; call after setting the label. */
    public static <T> Select<T> named(Select<T> select, String name) {
        select.getElement().getChildren()
                .filter(child -> "vaadin-select-list-box".equals(child.getTag()))
                .forEach(listBox -> listBox.setAttribute("aria-label", name));
        return select;
    }
}

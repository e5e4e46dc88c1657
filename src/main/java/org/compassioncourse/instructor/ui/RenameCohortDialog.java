package org.compassioncourse.instructor.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import org.compassioncourse.cohort.CohortService;

/**
 * Asks for a cohort's new name and raises a {@link SaveEvent}; the view renames the cohort, and a refused name
 * (empty, in use) comes back through {@link #refuse(String)} to be explained on the field.
 */
final class RenameCohortDialog extends Dialog {

    /** The instructor asked to save this name. */
    static final class SaveEvent extends ComponentEvent<RenameCohortDialog> {

        private final String name;

        SaveEvent(RenameCohortDialog source, String name) {
            super(source, false);
            this.name = name;
        }

        String name() {
            return name;
        }
    }

    private final TextField name = new TextField("Cohort name");
    private final Button save = new Button("Save name");

    RenameCohortDialog(String currentName) {
        setHeaderTitle("Rename cohort");
        setWidth("min(30rem, 95vw)");
        name.setId("cohort-new-name");
        name.setValue(currentName);
        name.setMaxLength(CohortService.MAX_NAME);
        name.setHelperText("The join code and join link stay the same.");
        name.setWidthFull();
        save.setId("save-cohort-name");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(click -> fireEvent(new SaveEvent(this, name.getValue())));
        save.addClickShortcut(Key.ENTER).listenOn(name);
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("cancel-rename");
        add(name);
        getFooter().add(cancel, save);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** Opens the dialog on the page, which it leaves again when closed. */
    void openIn(HasComponents page) {
        page.add(this);
        addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                page.remove(this);
            }
        });
        open();
        name.focus();
    }

    /** The name was refused: the reason stands on the field, and the instructor can try again. */
    void refuse(String reason) {
        name.setErrorMessage(reason);
        name.setInvalid(true);
        save.setEnabled(true);
        name.focus();
    }
}

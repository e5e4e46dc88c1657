package org.compassioncourse.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;

import java.util.function.Supplier;

/**
 * A button that copies a text (a link to hand on) to the clipboard and says so; where the browser does not allow
 * copying (e.g. a plain-http address), it shows the text to copy by hand.
 */
public class CopyButton extends Button {

    public CopyButton(String caption, String copiedMessage, Supplier<String> text) {
        super(caption);
        addThemeVariants(ButtonVariant.LUMO_SMALL);
        addClickListener(click -> getElement().executeJs("""
                        const text = $0;
                        if (!navigator.clipboard) { return 'Copy this: ' + text; }
                        return navigator.clipboard.writeText(text).then(() => $1, () => 'Copy this: ' + text);""",
                        text.get(), copiedMessage)
                .then(String.class, message -> Notification.show(message, 8000, Notification.Position.BOTTOM_START)));
    }
}

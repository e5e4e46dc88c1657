package org.compassioncourse.cohort.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;

/**
 * A cohort's join link for an instructor to share, with a button that copies the full address. Where the browser
 * does not allow copying (e.g. a plain-http address), the address is shown so it can be copied by hand.
 */
public class JoinLink extends Span {

    public JoinLink(String cohortName, String joinCode) {
        addClassName("join-link");
        Anchor link = new Anchor("join/" + joinCode, "join link");
        Button copy = new Button("Copy join link");
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        copy.setAriaLabel("Copy the join link of " + cohortName);
        copy.addClickListener(click -> copy.getElement().executeJs("""
                        const url = new URL($0, document.baseURI).href;
                        if (!navigator.clipboard) { return 'Copy this link: ' + url; }
                        return navigator.clipboard.writeText(url).then(() => 'Join link copied: ' + url, () => 'Copy this link: ' + url);""",
                        "join/" + joinCode)
                .then(String.class, message -> Notification.show(message, 8000, Notification.Position.BOTTOM_START)));
        add(link, new Text(" "), copy);
    }
}

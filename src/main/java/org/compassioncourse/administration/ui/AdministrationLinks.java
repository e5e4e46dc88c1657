package org.compassioncourse.administration.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;

/** The administration pages link to each other (the main menu has one "Administration" entry). */
final class AdministrationLinks {

    private AdministrationLinks() {
    }

    static Nav between(boolean onAccounts) {
        Anchor accounts = new Anchor(AccountsView.ROUTE, "Accounts");
        Anchor audit = new Anchor(AuditLogView.ROUTE, "Audit log");
        (onAccounts ? accounts : audit).getElement().setAttribute("aria-current", "page");
        // by its route: the learning record store's page is the lrs module's, which depends on this one
        Anchor store = new Anchor("administration/lrs", "Learning record store");
        Nav nav = new Nav(accounts, new com.vaadin.flow.component.html.Span(" · "), audit,
                new com.vaadin.flow.component.html.Span(" · "), store);
        nav.setAriaLabel("Administration pages");
        nav.addClassName("admin-links");
        return nav;
    }
}

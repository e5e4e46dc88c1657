package org.compassioncourse.administration.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;

/** The two administration pages link to each other (the main menu has one "Administration" entry). */
final class AdministrationLinks {

    private AdministrationLinks() {
    }

    static Nav between(boolean onAccounts) {
        Anchor accounts = new Anchor(AccountsView.ROUTE, "Accounts");
        Anchor audit = new Anchor(AuditLogView.ROUTE, "Audit log");
        (onAccounts ? accounts : audit).getElement().setAttribute("aria-current", "page");
        Nav nav = new Nav(accounts, new com.vaadin.flow.component.html.Span(" · "), audit);
        nav.setAriaLabel("Administration pages");
        nav.addClassName("admin-links");
        return nav;
    }
}

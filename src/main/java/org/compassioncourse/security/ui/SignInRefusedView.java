package org.compassioncourse.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.compassioncourse.security.ProviderSignIn;

/**
 * Why signing in with the identity provider did not work (a refused account link, an invalid or expired answer, a
 * sign-in answer used twice), in words for the person, with the way back to the login page.
 */
@Route(value = ProviderSignIn.REFUSAL_PAGE, autoLayout = false)
@PageTitle("Signing in did not work · Compassion Course")
@AnonymousAllowed
public class SignInRefusedView extends Main implements BeforeEnterObserver {

    final Paragraph reason = new Paragraph();

    public SignInRefusedView() {
        addClassNames("auth-page", "sign-in-refused");
        reason.setId("sign-in-refused-reason");
        reason.getElement().setAttribute("role", "alert");
        add(new H1("Compassion Course"), new H2("Signing in did not work"), reason,
                new Paragraph(new Anchor("login", "Back to the login page")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        WrappedSession session = VaadinSession.getCurrent().getSession();
        Object why = session.getAttribute(ProviderSignIn.REFUSAL);
        reason.setText(why instanceof String text ? text : "Signing in did not work. Start again from the login page.");
    }
}

package org.compassioncourse.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Shown when opening a page fails unexpectedly: a message for people and a reference to quote, never the exception
 * (which could show SQL or table names); the details go to the server log under the same reference.
 */
// error pages are for everyone, signed in or not (access control also applies to error views)
@AnonymousAllowed
@PageTitle("Something went wrong · Compassion Course")
public class ServerErrorView extends Main implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ServerErrorView.class);

    private final Paragraph reference = new Paragraph();

    public ServerErrorView() {
        addClassName("message-page");
        setId("server-error");
        reference.setId("error-reference");
        add(new H1("Something went wrong on our side"),
                new Paragraph("This page could not be opened. Nothing you saved is lost: your progress and answers are "
                        + "stored as you go. Try again in a moment; if it keeps happening, tell your course administrator."),
                reference, new Anchor("", "Back to the course"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("Error {} while opening '{}'", id, event.getLocation().getPath(), parameter.getCaughtException());
        reference.setText("Reference for the administrator: " + id);
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}

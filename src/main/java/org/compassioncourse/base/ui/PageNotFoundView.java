package org.compassioncourse.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** Shown for an address that is not a page of the course (a mistyped or outdated link). */
// error pages are for everyone, signed in or not (access control also applies to error views)
@AnonymousAllowed
@PageTitle("Page not found · Compassion Course")
public class PageNotFoundView extends Main implements HasErrorParameter<NotFoundException> {

    public PageNotFoundView() {
        addClassName("message-page");
        setId("page-not-found");
        add(new H1("There is no such page"), new Paragraph("The address may be mistyped, or the link may be out of date."),
                new Anchor("", "Back to the course"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}

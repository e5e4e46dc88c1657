package org.compassioncourse.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import jakarta.servlet.http.HttpServletResponse;

/** Shown when a logged-in user opens a page their role may not see (e.g. a learner at an instructor URL). */
@PageTitle("Access denied · Compassion Course")
public class AccessDeniedView extends Main implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView() {
        addClassName("message-page");
        setId("access-denied");
        add(new H1("You don't have access to this page"),
                new Paragraph("This page is for another role. If you think you should see it, ask your course administrator."),
                new Anchor("", "Back to the course"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}

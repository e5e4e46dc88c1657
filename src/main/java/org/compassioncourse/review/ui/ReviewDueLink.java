package org.compassioncourse.review.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;

/** "N questions due" linking to the review page, for other pages (the course page); shows nothing when none are due. */
public class ReviewDueLink extends Paragraph {

    public ReviewDueLink(long due) {
        addClassName("review-due");
        setId("review-due");
        setVisible(due > 0);
        add(new RouterLink((due == 1 ? "1 question due" : due + " questions due") + " for review", ReviewView.class));
    }
}

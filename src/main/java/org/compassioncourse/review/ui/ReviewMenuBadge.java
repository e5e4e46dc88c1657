package org.compassioncourse.review.ui;

import org.compassioncourse.base.ui.MenuBadge;
import org.compassioncourse.review.ReviewService;
import org.springframework.stereotype.Component;

/** "N due" beside Review in the menu. */
@Component
class ReviewMenuBadge implements MenuBadge {

    private final ReviewService reviews;

    ReviewMenuBadge(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public String path() {
        return "review";
    }

    @Override
    public String text() {
        long due = reviews.dueCount();
        return due == 0 ? "" : due + " due";
    }
}

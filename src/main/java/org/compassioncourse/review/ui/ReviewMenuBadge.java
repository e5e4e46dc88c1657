package org.compassioncourse.review.ui;

import org.compassioncourse.base.ui.MenuBadge;
import org.compassioncourse.base.ui.UserTime;
import org.compassioncourse.review.ReviewService;
import org.springframework.stereotype.Component;

/** "N due" beside Review in the menu: the cards due today in the learner's time zone (a count that only falls within a day). */
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
        long due = reviews.dueCount(UserTime.zone());
        return due == 0 ? "" : due + " due";
    }
}

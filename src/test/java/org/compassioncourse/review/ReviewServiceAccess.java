package org.compassioncourse.review;

import org.compassioncourse.content.Course;

/** For tests outside the package: how many cards a lesson puts into a deck. */
public final class ReviewServiceAccess {

    private ReviewServiceAccess() {
    }

    public static long knowledgeChecks(Course course, String lessonId) {
        return DeckEnrolment.knowledgeChecksOf(course, lessonId).size();
    }
}

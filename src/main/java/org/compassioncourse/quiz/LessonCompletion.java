package org.compassioncourse.quiz;

import java.util.List;

/**
 * Which lessons a learner has still to complete, as the progress feature decides it: the final assessment opens only
 * when this list is empty (unless course.yaml lets learners test out). Implemented where progress lives, so that the
 * quiz feature does not reach into another feature's tables.
 */
public interface LessonCompletion {

    /** The titles of the lessons the signed-in learner has not completed yet, in course order. */
    List<String> myUnfinishedLessonTitles();
}

package org.compassioncourse.progress;

import org.springframework.security.access.prepost.PreAuthorize;
import org.compassioncourse.security.SignedInUser;
import org.compassioncourse.cohort.LearnerInMyCohort;
import org.compassioncourse.content.Section;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Records and reports the signed-in learner's reading progress. Every write is idempotent: a refresh, a double
 * click or a second tab records the same facts once.
 */
@Service
@PreAuthorize("hasAnyRole('LEARNER', 'INSTRUCTOR')")
public class ProgressService {

    private final SignedInUser signedInUser;
    private final LearnerProgress learners;

    ProgressService(SignedInUser signedInUser, LearnerProgress learners) {
        this.learners = learners;
        this.signedInUser = signedInUser;
    }

    /** The learner has opened this section of this lesson. */
    public void reachSection(String lessonId, String sectionId) {
        learners.reach(signedInUser.require().accountId(), lessonId, sectionId);
    }

    /** The sections of a lesson the signed-in learner has not opened yet, in lesson order. */
    public List<Section> unopenedSections(String lessonId) {
        return learners.unopenedSections(signedInUser.require().accountId(), lessonId);
    }

    /** The learner reached the end of the lesson. Completing twice keeps the first completion. */
    public void completeLesson(String lessonId) {
        learners.complete(signedInUser.require().accountId(), lessonId);
    }

    /** The signed-in learner's progress through the course. */
    public CourseProgress myProgress() {
        return progressOf(signedInUser.require().accountId());
    }

    /** A learner's progress for their instructor; the argument proves the instructor may see this learner. */
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public CourseProgress progressOf(LearnerInMyCohort learner) {
        return progressOf(learner.userId());
    }

    private CourseProgress progressOf(long userId) {
        return learners.of(userId);
    }
}

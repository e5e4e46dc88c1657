package org.compassioncourse.progress;

import org.springframework.security.access.prepost.PreAuthorize;
import org.compassioncourse.account.SignedInUser;
import org.compassioncourse.cohort.LearnerInMyCohort;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.content.Section;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Records and reports the signed-in learner's reading progress. Every write is idempotent: a refresh, a double
 * click or a second tab records the same facts once.
 */
@Service
@PreAuthorize("hasAnyRole('LEARNER', 'INSTRUCTOR')")
public class ProgressService {

    private final Course course;
    private final LessonProgressRepository lessons;
    private final SectionReachedRepository sections;
    private final SignedInUser signedInUser;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final LearnerProgress learners;

    ProgressService(Course course, LessonProgressRepository lessons, SectionReachedRepository sections,
                    SignedInUser signedInUser, PlatformTransactionManager transactionManager, Clock clock,
                    LearnerProgress learners) {
        this.learners = learners;
        this.course = course;
        this.lessons = lessons;
        this.sections = sections;
        this.signedInUser = signedInUser;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The learner has opened this section of this lesson. */
    public void reachSection(String lessonId, String sectionId) {
        Lesson lesson = course.lesson(lessonId).orElseThrow(() -> new IllegalArgumentException("No lesson '" + lessonId + "'"));
        if (lesson.section(sectionId).isEmpty()) {
            throw new IllegalArgumentException("Lesson '" + lessonId + "' has no section '" + sectionId + "'");
        }
        long userId = signedInUser.require().accountId();
        Instant now = clock.instant();
        retryOnceOnConflict(() -> {
            LessonProgress progress = lessons.findByUserIdAndLessonId(userId, lessonId)
                    .orElseGet(() -> new LessonProgress(userId, lessonId, sectionId, now));
            progress.visit(sectionId, now);
            lessons.saveAndFlush(progress);
            SectionReached.Key key = new SectionReached.Key(userId, lessonId, sectionId);
            if (!sections.existsById(key)) {
                sections.saveAndFlush(new SectionReached(userId, lessonId, sectionId, now));
            }
        });
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

    /** Two tabs can insert the same first row at once; the loser retries and then updates it. */
    private void retryOnceOnConflict(Runnable work) {
        try {
            transaction.executeWithoutResult(status -> work.run());
        } catch (DataIntegrityViolationException concurrentInsert) {
            transaction.executeWithoutResult(status -> work.run());
        }
    }
}

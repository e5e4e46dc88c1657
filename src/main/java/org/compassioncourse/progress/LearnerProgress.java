package org.compassioncourse.progress;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.content.Section;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A given learner's reading progress. Pages go through {@link ProgressService}, which passes the signed-in learner;
 * this takes the user id because it also serves event listeners acting for that user (a completion recorded after a
 * lesson or the final, or again at start-up), where nobody is signed in.
 */
@Component
public class LearnerProgress {

    private final Course course;
    private final LessonProgressRepository lessons;
    private final SectionReachedRepository sections;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LearnerProgress(Course course, LessonProgressRepository lessons, SectionReachedRepository sections,
                    PlatformTransactionManager transactionManager, Clock clock, ApplicationEventPublisher events) {
        this.course = course;
        this.lessons = lessons;
        this.sections = sections;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.events = events;
    }

    /** This learner's progress through the course. */
    public CourseProgress of(long userId) {
        return Objects.requireNonNull(transaction.execute(status -> {
            var visits = lessons.findByUserId(userId).stream()
                    .map(p -> new ProgressSummary.Visit(p.lessonId(), p.lastSectionId(), p.firstVisitedAt(), p.lastVisitedAt(), p.completedAt()))
                    .toList();
            Set<ProgressSummary.Reached> reached = new HashSet<>();
            sections.findKeysByUserId(userId).forEach(k -> reached.add(new ProgressSummary.Reached(k.lessonId(), k.sectionId())));
            return ProgressSummary.of(course, visits, reached);
        }));
    }

    /** The learner has opened this section of this lesson. */
    void reach(long userId, String lessonId, String sectionId) {
        Lesson lesson = lesson(lessonId);
        if (lesson.section(sectionId).isEmpty()) {
            throw new IllegalArgumentException("Lesson '" + lessonId + "' has no section '" + sectionId + "'");
        }
        Instant now = clock.instant();
        retryOnceOnConflict(() -> {
            var existing = lessons.findByUserIdAndLessonId(userId, lessonId);
            LessonProgress progress = existing.orElseGet(() -> new LessonProgress(userId, lessonId, sectionId, now));
            progress.visit(sectionId, now);
            lessons.saveAndFlush(progress);
            if (existing.isEmpty()) {
                events.publishEvent(new LessonOpened(userId, lessonId));
            }
            SectionReached.Key key = new SectionReached.Key(userId, lessonId, sectionId);
            if (!sections.existsById(key)) {
                sections.saveAndFlush(new SectionReached(userId, lessonId, sectionId, now));
            }
        });
    }

    /** The sections of a lesson this learner has not opened yet, in lesson order. */
    List<Section> unopenedSections(long userId, String lessonId) {
        Lesson lesson = lesson(lessonId);
        Set<String> opened = Set.copyOf(sections.findSectionIdsByUserIdAndLessonId(userId, lessonId));
        return lesson.sections().stream().filter(section -> !opened.contains(section.id())).toList();
    }

    /**
     * The learner reached the end of the lesson. Completing twice keeps the first completion. {@link LessonCompleted}
     * is published inside the transaction that records it, so the publication is stored with the fact.
     */
    void complete(long userId, String lessonId) {
        Lesson lesson = lesson(lessonId);
        Instant now = clock.instant();
        retryOnceOnConflict(() -> {
            LessonProgress progress = lessons.findByUserIdAndLessonId(userId, lessonId)
                    .orElseGet(() -> new LessonProgress(userId, lessonId, lesson.lastSection().id(), now));
            progress.complete(now);
            lessons.saveAndFlush(progress);
            events.publishEvent(new LessonCompleted(userId, lessonId));
        });
    }

    private Lesson lesson(String lessonId) {
        return course.lesson(lessonId).orElseThrow(() -> new IllegalArgumentException("No lesson '" + lessonId + "'"));
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

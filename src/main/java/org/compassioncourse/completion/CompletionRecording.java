package org.compassioncourse.completion;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.CourseProgress;
import org.compassioncourse.progress.LearnerProgress;
import org.compassioncourse.quiz.AttemptScore;
import org.compassioncourse.quiz.LearnerScores;
import org.compassioncourse.quiz.QuizScores;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records a learner's completion the first time {@link CompletionRule} holds for them, once. The learner's own pages
 * come here through {@link CompletionService#myStatus()}; the event listeners ({@link CompletionMoment}) with the
 * event's user id, since nobody is signed in when a publication is run again at start-up.
 */
@Component
class CompletionRecording {

    private final Course course;
    private final CompletionRecords records;
    private final LearnerProgress progress;
    private final LearnerScores scores;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CompletionRecording(Course course, CompletionRecords records, LearnerProgress progress, LearnerScores scores,
                        PlatformTransactionManager transactionManager, Clock clock, ApplicationEventPublisher events) {
        this.course = course;
        this.records = records;
        this.progress = progress;
        this.scores = scores;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.events = events;
    }

    /** Records this learner's completion if the rule holds now and none is recorded yet; their recorded completion. */
    Optional<CompletionRecords.Completion> recordIfCompleted(long userId) {
        return recordIfCompleted(userId, progress.of(userId), scores.of(userId));
    }

    /** The same, from the progress and scores a page has already read (no second read). */
    Optional<CompletionRecords.Completion> recordIfCompleted(long userId, CourseProgress progress, QuizScores scores) {
        Optional<CompletionRecords.Completion> recorded = records.completion(userId);
        if (recorded.isPresent()) {
            return recorded;
        }
        List<Instant> lessonCompletions = new ArrayList<>();
        progress.lessons().forEach(l -> lessonCompletions.add(l.completedAt()));
        Optional<Instant> completedAt = CompletionRule.completedAt(lessonCompletions, scores.finalFirstPassedAt().orElse(null));
        if (completedAt.isEmpty()) {
            return recorded;
        }
        double score = scores.counted(QuizSettings.Kind.FINAL_ASSESSMENT).map(AttemptScore::scorePercent).orElse(0.0);
        try {
            transaction.executeWithoutResult(status -> {
                records.recordCompletion(userId, completedAt.get().truncatedTo(ChronoUnit.MICROS), score, course.version(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS));
                // inside the transaction that records it, for features that keep a record of it with it (the xAPI outbox)
                events.publishEvent(new CourseCompleted(userId));
            });
        } catch (DataIntegrityViolationException recordedInAnotherTab) {
            // the first record stands
        }
        return records.completion(userId);
    }
}

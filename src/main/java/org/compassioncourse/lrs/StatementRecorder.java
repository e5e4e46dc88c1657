package org.compassioncourse.lrs;

import org.compassioncourse.account.AccountNames;
import org.compassioncourse.administration.AccountErased;
import org.compassioncourse.base.LearnerSet;
import org.compassioncourse.completion.CompletionFigures;
import org.compassioncourse.completion.CourseCompleted;
import org.compassioncourse.progress.LessonCompleted;
import org.compassioncourse.progress.LessonOpened;
import org.compassioncourse.progress.ReadingFigures;
import org.compassioncourse.quiz.AttemptSubmitted;
import org.compassioncourse.quiz.SubmittedResponses;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Writes the statements of what a learner just did into the outbox, in the learner's own transaction: these are plain
 * synchronous listeners, run inside {@code publishEvent}, so the row commits or rolls back with the action (a
 * {@code @TransactionalEventListener} would run after the commit, and a crash in between would lose the statement).
 * The statements come from the same records and the same mapper as the instructors' download. After the commit the
 * node's sender is nudged. Without a store configured nothing is written.
 */
@Component
class StatementRecorder {

    private final LrsProperties settings;
    private final LearningRecords records;
    private final AccountNames names;
    private final ReadingFigures reading;
    private final SubmittedResponses quizzes;
    private final CompletionFigures completions;
    private final XapiOutbox outbox;
    private final LrsSender sender;
    private final Clock clock;

    StatementRecorder(LrsProperties settings, LearningRecords records, AccountNames names, ReadingFigures reading,
                      SubmittedResponses quizzes, CompletionFigures completions, XapiOutbox outbox, LrsSender sender, Clock clock) {
        this.settings = settings;
        this.records = records;
        this.names = names;
        this.reading = reading;
        this.quizzes = quizzes;
        this.completions = completions;
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
    }

    /** First opened a lesson: "experienced". */
    @EventListener
    void on(LessonOpened opened) {
        lesson(opened.userId(), opened.lessonId());
    }

    /** Finished a lesson: "completed" (and "experienced", if a completion came without a visit). */
    @EventListener
    void on(LessonCompleted completed) {
        lesson(completed.userId(), completed.lessonId());
    }

    /** Submitted an attempt: "completed" it, "passed"/"failed" it where it has a pass mark, "answered" each question. */
    @EventListener
    void on(AttemptSubmitted submitted) {
        if (!settings.enabled()) {
            return;
        }
        long userId = submitted.userId();
        AccountNames.Name learner = names.of(List.of(userId)).get(userId);
        if (learner == null) {
            return;
        }
        // the event names no attempt: the learner's latest submitted one of this quiz is the one just submitted (the
        // submission holds the attempt's lock and runs in this transaction)
        SubmittedResponses.SubmittedAttempt attempt = quizzes.attempts(LearnerSet.of(List.of(userId))).stream()
                .filter(a -> a.kind() == submitted.kind() && Objects.equals(a.lessonId(), submitted.lessonId()))
                .max(Comparator.comparing(SubmittedResponses.SubmittedAttempt::submittedAt)
                        .thenComparingLong(SubmittedResponses.SubmittedAttempt::attemptId))
                .orElse(null);
        if (attempt == null) {
            return;
        }
        XapiStatements statements = records.forStream();
        List<ObjectNode> written = new ArrayList<>(statements.attemptStatements(learner, attempt));
        quizzes.answers(LearnerSet.of(List.of(userId))).stream().filter(a -> a.attemptId() == attempt.attemptId())
                .forEach(a -> written.add(statements.answered(learner, a)));
        write(userId, written);
    }

    /** Completed the course: "completed" the course, as the completion module recorded it in this transaction. */
    @EventListener
    void on(CourseCompleted completed) {
        if (!settings.enabled()) {
            return;
        }
        long userId = completed.userId();
        AccountNames.Name learner = names.of(List.of(userId)).get(userId);
        CompletionFigures.Completed completion = completions.of(LearnerSet.of(List.of(userId))).get(userId);
        if (learner == null || completion == null || completion.completedAt() == null) {
            return;
        }
        write(userId, List.of(records.forStream().courseCompleted(learner, userId, completion.completedAt())));
    }

    /** An erased learner's statements name them: they leave the outbox with the erasure. */
    @EventListener
    void on(AccountErased erased) {
        outbox.forget(erased.accountId());
    }

    private void lesson(long userId, String lessonId) {
        if (!settings.enabled()) {
            return;
        }
        AccountNames.Name learner = names.of(List.of(userId)).get(userId);
        if (learner == null) {
            return;
        }
        XapiStatements statements = records.forStream();
        List<ObjectNode> written = new ArrayList<>();
        reading.visits(LearnerSet.of(List.of(userId))).stream().filter(v -> v.lessonId().equals(lessonId))
                .forEach(visit -> written.addAll(statements.lessonStatements(learner, visit)));
        write(userId, written);
    }

    private void write(long userId, List<ObjectNode> statements) {
        if (outbox.add(userId, statements, clock.instant()) > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.nudge();
                }
            });
        }
    }
}

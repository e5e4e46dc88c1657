package org.compassioncourse.progress;

import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.quiz.AttemptSubmitted;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Finishing a lesson's knowledge check finishes the lesson when every section of it has been opened, so My progress
 * never shows "In progress, 5 of 5 sections, best 100%". A learner who skipped sections still finishes the lesson on
 * its last page, where the skipped sections are named ("completed" should mean read).
 * <p>
 * Runs after the submission commits, in its own transaction, for the event's learner alone (no signed-in user: a
 * publication left incomplete is run again at start-up).
 */
@Component
class KnowledgeCheckFinishesLesson {

    private final LearnerProgress progress;

    KnowledgeCheckFinishesLesson(LearnerProgress progress) {
        this.progress = progress;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onAttempt(AttemptSubmitted submitted) {
        String lessonId = submitted.lessonId();
        if (submitted.kind() == QuizSettings.Kind.KNOWLEDGE_CHECK && lessonId != null
                && progress.unopenedSections(submitted.userId(), lessonId).isEmpty()) {
            progress.complete(submitted.userId(), lessonId);
        }
    }
}

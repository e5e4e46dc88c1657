package org.compassioncourse.progress;

import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.quiz.AttemptSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Finishing a lesson's knowledge check finishes the lesson when every section of it has been opened, so My progress
 * never shows "In progress, 5 of 5 sections, best 100%". A learner who skipped sections still finishes the lesson on
 * its last page, where the skipped sections are named ("completed" should mean read).
 */
@Component
class KnowledgeCheckFinishesLesson {

    private final ProgressService progress;

    KnowledgeCheckFinishesLesson(ProgressService progress) {
        this.progress = progress;
    }

    @EventListener
    void onAttempt(AttemptSubmitted submitted) {
        // published on the learner's own request, after the submission committed: the signed-in learner is the one
        if (submitted.kind() == QuizSettings.Kind.KNOWLEDGE_CHECK && submitted.lessonId() != null
                && progress.unopenedSections(submitted.lessonId()).isEmpty()) {
            progress.completeLesson(submitted.lessonId());
        }
    }
}

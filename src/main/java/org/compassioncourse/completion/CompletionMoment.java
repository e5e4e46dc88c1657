package org.compassioncourse.completion;

import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.LessonCompleted;
import org.compassioncourse.quiz.AttemptSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records a completion when it happens, not only when a page later asks: after the learner passes the final or completes
 * a lesson (whichever comes last), in the same request. The rule itself stays in {@link CompletionService#myStatus()}.
 */
@Component
class CompletionMoment {

    private static final Logger LOG = LoggerFactory.getLogger(CompletionMoment.class);

    private final CompletionService completion;

    CompletionMoment(CompletionService completion) {
        this.completion = completion;
    }

    @EventListener
    void onAttempt(AttemptSubmitted submitted) {
        if (submitted.kind() == QuizSettings.Kind.FINAL_ASSESSMENT && Boolean.TRUE.equals(submitted.passed())) {
            record();
        }
    }

    @EventListener
    void onLesson(LessonCompleted completed) {
        record();
    }

    private void record() {
        try {
            completion.myStatus(); // records the completion the first time the rule holds
        } catch (RuntimeException notNow) {
            // the learner's action has succeeded; a page that shows the status records it later
            LOG.warn("Could not record a completion now: {}", notNow.toString());
        }
    }
}

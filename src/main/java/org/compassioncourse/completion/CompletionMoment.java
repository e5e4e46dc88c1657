package org.compassioncourse.completion;

import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.LessonCompleted;
import org.compassioncourse.quiz.AttemptSubmitted;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records a completion when it happens, not only when a page later asks: after the learner passes the final or completes
 * a lesson (whichever comes last), right after that commits, in the same request. The rule itself stays in
 * {@link CompletionRecording}. A failure here leaves the event's publication incomplete (Modulith's registry), and it
 * is run again at the next start-up; it works from the event's user id alone, as nobody is signed in then.
 */
@Component
class CompletionMoment {

    private final CompletionRecording recording;

    CompletionMoment(CompletionRecording recording) {
        this.recording = recording;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onAttempt(AttemptSubmitted submitted) {
        if (submitted.kind() == QuizSettings.Kind.FINAL_ASSESSMENT && Boolean.TRUE.equals(submitted.passed())) {
            recording.recordIfCompleted(submitted.userId());
        }
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onLesson(LessonCompleted completed) {
        recording.recordIfCompleted(completed.userId());
    }
}

package org.compassioncourse.completion;

import io.micrometer.core.instrument.MeterRegistry;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.quiz.AttemptSubmitted;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

/**
 * A completion is never lost when recording it fails at the moment the learner passes the final: the event's
 * publication stays incomplete in Modulith's registry, and what a restart does (run incomplete publications again,
 * with nobody signed in) records it.
 */
@ApplicationTest
class CompletionAfterAFailedListenerTest {

    @MockitoSpyBean
    CompletionRecording recording;
    @Autowired
    Learners people;
    @Autowired
    CompletionRecords records;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    EventPublicationRepository publications;
    @Autowired
    ProgressService progress;
    @Autowired
    Course course;
    @Autowired
    MeterRegistry meters;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCompletionWhoseListenerFailedIsRecordedWhenIncompletePublicationsAreRunAgainAtStartUp() {
        CurrentUser learner = people.learner("Fay Failed-Listener");
        Learners.actAs(learner);
        people.readEveryLesson();
        long learnerId = learner.accountId();
        // the completion listener dies once (as if the database went away mid-way), then works again
        doThrow(new IllegalStateException("listener killed mid-way")).doCallRealMethod().when(recording).recordIfCompleted(learnerId);

        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 2000);

        assertThat(records.completion(learnerId)).as("not recorded: the listener failed").isEmpty();
        assertThat(incompleteFinalsOf(learnerId)).as("the passed final's publication to the completion listener")
                .singleElement().satisfies(p -> assertThat(p.getTargetIdentifier().getValue()).contains("CompletionMoment"));

        // what a restart does (spring.modulith.events.republish-outstanding-events-on-restart), with nobody signed in
        SecurityContextHolder.clearContext();
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof AttemptSubmitted submitted
                && submitted.userId() == learnerId);

        assertThat(records.completion(learnerId)).as("recorded by the re-run").isPresent()
                .get().satisfies(c -> assertThat(c.finalScore()).isEqualTo(100.0));
        assertThat(incompleteFinalsOf(learnerId)).as("no publication left incomplete").isEmpty();
    }

    @Test
    void operatorsSeeHowManyPublicationsAreStillIncompleteAfterAMinute() {
        // counted by the database (cached for a minute); a failed count would show as NaN
        assertThat(meters.get("course.events.incomplete").gauge().value()).isNotNaN().isGreaterThanOrEqualTo(0);
    }

    private List<TargetEventPublication> incompleteFinalsOf(long learnerId) {
        return publications.findIncompletePublications().stream()
                .filter(p -> p.getEvent() instanceof AttemptSubmitted submitted && submitted.userId() == learnerId)
                .toList();
    }
}

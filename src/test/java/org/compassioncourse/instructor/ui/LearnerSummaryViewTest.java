package org.compassioncourse.instructor.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.html.DescriptionList;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.completion.CompletionService;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Evaluation;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class LearnerSummaryViewTest extends SpringBrowserlessTest {

    @Autowired
    Learners people;
    @Autowired
    CohortService cohorts;
    @Autowired
    ProgressService progress;
    @Autowired
    CompletionService completion;
    @Autowired
    Course course;

    /** The summary as term → description, in the order shown. */
    private Map<String, String> summary() {
        List<Component> children = $(DescriptionList.class).withId("learner-summary").single().getChildren().toList();
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < children.size(); i += 2) {
            facts.put(((HasText) children.get(i)).getText(), ((HasText) children.get(i + 1)).getText());
        }
        return facts;
    }

    private void open(CohortSummary cohort, CurrentUser learner) {
        navigate(LearnerView.class, Map.of("cohortId", String.valueOf(cohort.id()), "userId", String.valueOf(learner.accountId())));
    }

    @Test
    @WithCourseUser(email = "summary.teacher@ward7.example", role = Role.INSTRUCTOR)
    void theLearnerPageStartsWithOneSummaryOfEmailLessonsScoresGainCompletionAndCertificate() {
        Authentication instructor = SecurityContextHolder.getContext().getAuthentication();
        CohortSummary cohort = cohorts.createCohort("Summary cohort " + UUID.randomUUID());
        CurrentUser learner = people.learner("Sam Summary");
        Learners.actAs(learner);
        cohorts.join(cohort.joinCode());
        people.take(QuizSettings.Kind.PRE_TEST, null, false, 3000);
        SecurityContextHolder.getContext().setAuthentication(instructor);

        open(cohort, learner);
        Map<String, String> before = summary();
        assertThat(before).containsEntry("Email", learner.getUsername())
                .containsEntry("Lessons completed", "0 of " + course.lessons().size())
                .containsEntry("Pre-test", "0%")
                .containsEntry("Final assessment (counted)", "not taken")
                .containsEntry("Learning gain", "—")
                .containsEntry("Completed on", "not completed")
                .containsEntry("Certificate", "none issued");

        Learners.actAs(learner);
        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 3000);
        Map<String, Integer> likert = new HashMap<>();
        completion.evaluation().items().stream().filter(i -> i.kind() == Evaluation.Kind.LIKERT).forEach(i -> likert.put(i.id(), 4));
        completion.submitEvaluation(likert, Map.of());
        completion.issueMyCertificate();
        SecurityContextHolder.getContext().setAuthentication(instructor);

        open(cohort, learner);
        Map<String, String> after = summary();
        assertThat(after.keySet()).containsExactly("Email", "Lessons completed", "Pre-test", "Final assessment (counted)",
                "Learning gain", "Completed on", "Certificate");
        assertThat(after).containsEntry("Lessons completed", course.lessons().size() + " of " + course.lessons().size())
                .containsEntry("Pre-test", "0%")
                .containsEntry("Final assessment (counted)", "100%, passed")
                .containsEntry("Learning gain", "100%");
        assertThat(after.get("Completed on")).isNotEqualTo("not completed").isNotBlank();
        assertThat(after.get("Certificate")).startsWith("issued on ");
    }
}

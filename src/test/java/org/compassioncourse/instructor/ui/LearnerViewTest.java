package org.compassioncourse.instructor.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class LearnerViewTest extends SpringBrowserlessTest {

    @Autowired
    Learners people;
    @Autowired
    CohortService cohorts;
    @Autowired
    ProgressService progress;
    @Autowired
    Course course;

    private void as(Authentication authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }

    /** A learner in a new cohort of the signed-in instructor (or not) who read the first lesson and took the pre-test. */
    private long[] cohortAndLearner(boolean ownCohort) {
        Authentication instructor = SecurityContextHolder.getContext().getAuthentication();
        CohortSummary cohort = cohorts.createCohort("Drill-down cohort " + UUID.randomUUID());
        CurrentUser learner = people.learner("Tom Timeline");
        Learners.actAs(learner);
        if (ownCohort) {
            cohorts.join(cohort.joinCode());
        }
        people.open(course.lessons().getFirst());
        progress.completeLesson(course.lessons().getFirst().id());
        people.take(QuizSettings.Kind.PRE_TEST, null, true, 4000);
        as(instructor);
        return new long[]{cohort.id(), learner.accountId()};
    }

    @Test
    @WithCourseUser(email = "drill.teacher@ward7.example", role = Role.INSTRUCTOR)
    void drillDownShowsATimelineEveryAttemptAndAnExportOfTheLearnersRecords() {
        long[] ids = cohortAndLearner(true);
        navigate(LearnerView.class, Map.of("cohortId", String.valueOf(ids[0]), "userId", String.valueOf(ids[1])));

        assertThat($(H1.class).single().getText()).isEqualTo("Tom Timeline");
        List<String> timeline = $(OrderedList.class).withId("learner-timeline").single().getChildren()
                .map(c -> ((ListItem) c).getText()).toList();
        assertThat(timeline).hasSize(3);
        assertThat(timeline.get(0)).endsWith("Opened lesson 1: " + course.lessons().getFirst().title());
        assertThat(timeline.get(1)).endsWith("Finished lesson 1: " + course.lessons().getFirst().title());
        assertThat(timeline.get(2)).endsWith("Submitted the pre-test: 100%");
        assertThat($(Details.class).single().getSummaryText()).startsWith("Pre-test: 100%");
        assertThat($(Anchor.class).withId("download-learner-xapi").single().getHref()).isNotBlank();

        // each answer names its question by id, with the scenario when it has one (stems alone can repeat)
        @SuppressWarnings("unchecked")
        Grid<Object> answers = $(Grid.class).single();
        String question = test(answers).getCellText(0, 0);
        assertThat(question).matches("first-(tf|scenario): .+");
        if (question.startsWith("first-scenario")) {
            assertThat(question).contains("A nurse feels").contains(" — ");
        }
        assertThat(test(answers).getCellText(0, 3)).isEqualTo("100%");
    }

    @Test
    @WithCourseUser(email = "drill.teacher2@ward7.example", role = Role.INSTRUCTOR)
    void aLearnerOutsideTheInstructorsCohortsIsNotShown() {
        long[] ids = cohortAndLearner(false);
        navigate(LearnerView.class, Map.of("cohortId", String.valueOf(ids[0]), "userId", String.valueOf(ids[1])));

        assertThat($(H1.class).single().getText()).isEqualTo("Learner not found");
        assertThat($(OrderedList.class).all()).isEmpty();
        assertThat($(Anchor.class).all()).extracting(Anchor::getText).containsExactly("Back to your cohorts");
    }
}

package org.compassioncourse.instructor.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.content.Course;
import org.compassioncourse.instructor.LearnerRow;
import org.compassioncourse.instructor.LearnerStatus;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class CohortViewTest extends SpringBrowserlessTest {

    @Autowired
    Learners people;
    @Autowired
    CohortService cohorts;
    @Autowired
    ProgressService progress;
    @Autowired
    Course course;

    private CohortSummary cohortWithTwoLearners() {
        Authentication instructor = SecurityContextHolder.getContext().getAuthentication();
        CohortSummary cohort = cohorts.createCohort("Grid cohort " + UUID.randomUUID());
        for (String name : new String[]{"Gil Grid", "Hana Grid"}) {
            CurrentUser learner = people.learner(name);
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(learner, null, learner.getAuthorities()));
            cohorts.join(cohort.joinCode());
            if (name.startsWith("Hana")) {
                progress.reachSection(course.lessons().getFirst().id(), course.lessons().getFirst().firstSection().id());
            }
        }
        SecurityContextHolder.getContext().setAuthentication(instructor);
        return cohort;
    }

    @SuppressWarnings("unchecked")
    private java.util.List<LearnerRow> rows() {
        Grid<LearnerRow> grid = $(Grid.class).withId("learner-grid").single();
        return IntStream.range(0, test(grid).size()).mapToObj(i -> test(grid).getRow(i)).toList();
    }

    @Test
    @WithCourseUser(email = "grid.teacher@ward7.example", role = Role.INSTRUCTOR)
    void instructorSeesTheCohortsLearnersAndFiltersThem() {
        CohortSummary cohort = cohortWithTwoLearners();
        CohortView view = navigate(CohortView.class, Map.of("cohortId", String.valueOf(cohort.id())));

        assertThat($(Paragraph.class).withId("cohort-summary").single().getText()).startsWith("2 learners · 1 started");
        assertThat(rows()).extracting(LearnerRow::displayName).containsExactly("Gil Grid", "Hana Grid");

        assertThat(view.filter.getElement().getChildren().filter(e -> e.getTag().equals("vaadin-select-list-box")))
                .as("the filter's option list has an accessible name").singleElement()
                .satisfies(list -> assertThat(list.getAttribute("aria-label")).isEqualTo("Learners to show"));

        view.filter.setValue(LearnerStatus.NOT_STARTED);
        assertThat(rows()).extracting(LearnerRow::displayName).containsExactly("Gil Grid");
        view.filter.setValue(LearnerStatus.IN_PROGRESS);
        assertThat(rows()).extracting(LearnerRow::displayName).containsExactly("Hana Grid");
    }

    @Test
    @WithCourseUser(email = "grid.teacher.rename@ward7.example", role = Role.INSTRUCTOR)
    void instructorRenamesTheCohortFromItsPageAndARefusedNameIsExplainedOnTheField() {
        CohortSummary cohort = cohorts.createCohort("Ward 7 nurses, sprung");
        cohorts.createCohort("Ward 7 nurses, autumn");
        navigate(CohortView.class, Map.of("cohortId", String.valueOf(cohort.id())));

        test($(Button.class).withId("rename-cohort").single()).click();
        TextField name = $(TextField.class).withId("cohort-new-name").single();
        assertThat(name.getValue()).as("starts from the current name").isEqualTo("Ward 7 nurses, sprung");
        test(name).setValue("Ward 7 nurses, autumn");
        test($(Button.class).withId("save-cohort-name").single()).click();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).startsWith("You already have a cohort called");
        assertThat(cohorts.requireOwnCohort(cohort.id()).name()).as("nothing changed").isEqualTo("Ward 7 nurses, sprung");

        test(name).setValue("Ward 7 nurses, spring");
        test($(Button.class).withId("save-cohort-name").single()).click();
        assertThat(cohorts.requireOwnCohort(cohort.id()).name()).isEqualTo("Ward 7 nurses, spring");
        assertThat($(H1.class).single().getText()).as("the page shows the new name").isEqualTo("Ward 7 nurses, spring");
        assertThat($(Paragraph.class).all()).anySatisfy(p -> assertThat(p.getText()).contains("Join code: " + cohort.joinCode()));
    }

    @Test
    @WithCourseUser(email = "grid.teacher2@ward7.example", role = Role.INSTRUCTOR)
    void anotherInstructorsCohortIsNotShown() {
        Authentication me = SecurityContextHolder.getContext().getAuthentication();
        CurrentUser other = people.instructor("Oli Other");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(other, null, other.getAuthorities()));
        CohortSummary theirs = cohorts.createCohort("Not yours");
        SecurityContextHolder.getContext().setAuthentication(me);

        navigate(CohortView.class, Map.of("cohortId", String.valueOf(theirs.id())));
        assertThat($(H1.class).single().getText()).isEqualTo("Cohort not found");
        assertThat($(Grid.class).all()).isEmpty();
    }

    @Test
    @WithCourseUser(email = "grid.teacher3@ward7.example", role = Role.INSTRUCTOR)
    void newCohortSaysWhatIsMissingInsteadOfEmptyChartsAndAZeroMean() {
        CohortSummary cohort = cohorts.createCohort("Brand new ward");
        CohortView view = navigate(CohortView.class, Map.of("cohortId", String.valueOf(cohort.id())));

        assertThat(view.grid.getEmptyStateText()).startsWith("No learners yet. They join with the cohort's code");
        view.filter.setValue(LearnerStatus.STUCK);
        assertThat(view.grid.getEmptyStateText()).isEqualTo("No learners are \"" + LearnerStatus.STUCK.label() + "\" at the moment.");

        String charts = $(com.vaadin.flow.component.html.Section.class).withId("cohort-charts").single().getElement().getTextRecursively();
        assertThat(charts).contains("No learner has completed a lesson yet.", "No learner has submitted the final assessment yet.",
                "No learner has taken both the pre-test and the final assessment yet.");
        assertThat($(com.vaadin.flow.component.html.Div.class).withClassName("html-holder").all()).as("no empty chart drawn").isEmpty();
        test($(Button.class).withId("show-items-final-assessment").single()).click();
        var itemSection = $(com.vaadin.flow.component.html.Section.class).withId("items-final-assessment").single();
        String items = itemSection.getElement().getTextRecursively();
        assertThat(items).contains("No submitted attempts yet.").doesNotContain("mean 0%");
        assertThat($(Button.class).withId("show-items-final-assessment").all()).as("the button gives way to the analysis").isEmpty();
        assertThat(itemSection.getElement().getAttribute("tabindex")).as("focus can move to the analysis that replaced the button").isEqualTo("-1");
        String review = $(com.vaadin.flow.component.html.Section.class).withId("cohort-retention").single().getElement().getTextRecursively();
        assertThat(review).contains("No learner in this cohort has reviewed a question yet.",
                "Nobody: every learner is within a week of their reviews.");
    }

    @Test
    @WithCourseUser(email = "grid.teacher.stack@ward7.example", role = Role.INSTRUCTOR)
    void theLearnerGridFitsAWideWindowAndStacksItsFiguresOnAPhone() {
        CohortSummary cohort = cohortWithTwoLearners();
        CohortView view = navigate(CohortView.class, Map.of("cohortId", String.valueOf(cohort.id())));
        @SuppressWarnings("unchecked")
        Grid<LearnerRow> grid = $(Grid.class).withId("learner-grid").single();

        view.layoutGridFor(1400);
        double rem = grid.getColumns().stream().filter(Grid.Column::isVisible)
                .mapToDouble(c -> Double.parseDouble(c.getWidth().replace("rem", ""))).sum();
        // 1400 px less the menu drawer (about 16 rem) and the page's padding leave about 66 rem
        assertThat(rem).as("minimum widths of the columns side by side").isLessThanOrEqualTo(64);
        assertThat(grid.getColumnByKey(LearnerGrid.STACKED).isVisible()).isFalse();
        // a sortable figure column holds "100%" and its header's sort mark: at 4.5 rem "100%" showed as "10…"
        assertThat(grid.getColumns().stream().filter(c -> c.isSortable() && c.getFlexGrow() == 0)
                .mapToDouble(c -> Double.parseDouble(c.getWidth().replace("rem", ""))))
                .allSatisfy(width -> assertThat(width).isGreaterThanOrEqualTo(5.5));

        view.layoutGridFor(390);
        assertThat(grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText))
                .containsExactly("Learner", "Progress and results");
        int hana = IntStream.range(0, test(grid).size()).filter(i -> test(grid).getRow(i).displayName().equals("Hana Grid")).findFirst().orElseThrow();
        assertThat(test(grid).getCellComponent(hana, LearnerGrid.STACKED).getElement().getTextRecursively())
                .contains("Done: 0%", "now: " + course.lessons().getFirst().title(), "Last active:", "Pre-test", "Completed on: —");
    }

    @Test
    @WithCourseUser(email = "grid.teacher.items@ward7.example", role = Role.INSTRUCTOR)
    @SuppressWarnings("unchecked")
    void itemAnalysisShowsEachQuestionAsLearnersMetItAndItsChoicesWithoutAComponentPerCell(
            @Autowired org.compassioncourse.quiz.QuizAttempts quizzes) {
        Authentication instructor = SecurityContextHolder.getContext().getAuthentication();
        CohortSummary cohort = cohorts.createCohort("Item cohort " + UUID.randomUUID());
        CurrentUser learner = people.learner("Ida Items");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(learner, null, learner.getAuthorities()));
        cohorts.join(cohort.joinCode());
        var paper = quizzes.startOrResume(org.compassioncourse.content.QuizSettings.Kind.PRE_TEST, null);
        quizzes.answer(paper.attemptId(), paper.questions().getFirst().id(), new org.compassioncourse.quiz.Answer.DontKnowYet(), 900);
        quizzes.submit(paper.attemptId());
        SecurityContextHolder.getContext().setAuthentication(instructor);

        navigate(CohortView.class, Map.of("cohortId", String.valueOf(cohort.id())));
        test($(Button.class).withId("show-items-pre-test").single()).click();
        var section = $(com.vaadin.flow.component.html.Section.class).withId("items-pre-test").single();
        Grid<org.compassioncourse.instructor.ItemStatistics.ItemStat> grid = (Grid<org.compassioncourse.instructor.ItemStatistics.ItemStat>)
                section.getChildren().filter(Grid.class::isInstance).findFirst().orElseThrow();
        var answered = IntStream.range(0, test(grid).size()).mapToObj(i -> test(grid).getRow(i))
                .filter(item -> item.questionId().equals(paper.questions().getFirst().id())).findFirst().orElseThrow();

        assertThat(grid.getColumns().getFirst().getRenderer()).as("a Lit template, not a server component per cell")
                .isExactlyInstanceOf(com.vaadin.flow.data.renderer.LitRenderer.class);
        var question = (com.vaadin.flow.data.renderer.LitRenderer<org.compassioncourse.instructor.ItemStatistics.ItemStat>) grid.getColumns().getFirst().getRenderer();
        var choices = (com.vaadin.flow.data.renderer.LitRenderer<org.compassioncourse.instructor.ItemStatistics.ItemStat>) grid.getColumns().get(4).getRenderer();
        assertThat(question.getValueProviders().get("stem").apply(answered)).isEqualTo(course.question(answered.questionId()).orElseThrow().stem());
        assertThat(question.getValueProviders().get("id").apply(answered)).isEqualTo(answered.questionId());
        assertThat((java.util.List<String>) choices.getValueProviders().get("lines").apply(answered))
                .as("the breakdown names the learner's \"I don't know yet\"").anySatisfy(line -> assertThat(line).contains("don't know yet"));
    }
}

package org.compassioncourse.training.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.instructor.ui.CohortView;
import org.compassioncourse.instructor.ui.LearnerView;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.compassioncourse.training.ComplianceReport;
import org.compassioncourse.training.DueRule;
import org.compassioncourse.training.DueRules;
import org.compassioncourse.training.TrainingStanding;
import org.compassioncourse.training.TrainingStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The training controls on the cohort and learner pages, and the administrators' compliance overview. */
@ApplicationTest
class TrainingViewsTest extends SpringBrowserlessTest {

    @Autowired
    CohortService cohorts;
    @Autowired
    DueRules dueRules;
    @Autowired
    ComplianceReport compliance;
    @Autowired
    Learners people;
    @Autowired
    Clock clock;

    @Test
    @WithCourseUser(email = "training.rule.view@ward7.example", role = Role.INSTRUCTOR)
    void anInstructorSetsTheCohortsDueDateOnItsPageAndTheGridFollowsAtOnce() {
        CurrentUser instructor = (CurrentUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        CohortSummary cohort = cohorts.createCohort("Due date cohort");
        CurrentUser learner = people.learner("Gina Grid");
        Learners.actAs(learner);
        cohorts.join(cohort.joinCode());
        Learners.actAs(instructor);
        navigate(CohortView.class, Map.of("cohortId", String.valueOf(cohort.id())));
        assertThat($(Paragraph.class).withId("due-rule-current").single().getText()).isEqualTo("Now: No due date.");

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> kind = $(RadioButtonGroup.class).withId("due-rule-kind").single();
        kind.setValue(kind.getListDataView().getItems().filter(k -> k.toString().equals("DAYS")).findFirst().orElseThrow());
        assertThat($(IntegerField.class).withId("due-rule-days").single().isVisible()).isTrue();
        assertThat($(DatePicker.class).withId("due-rule-date").all()).as("the date field is hidden for a day count").isEmpty();
        test($(Button.class).withId("save-due-rule").single()).click();
        assertThat($(Paragraph.class).withId("due-rule-current").single().getText()).as("no number: refused, nothing saved")
                .startsWith("Not saved: Enter a number of days");
        assertThat(dueRules.rule(cohort.id())).isEqualTo(DueRule.NONE);

        $(IntegerField.class).withId("due-rule-days").single().setValue(7);
        test($(Button.class).withId("save-due-rule").single()).click();
        assertThat($(Paragraph.class).withId("due-rule-current").single().getText()).isEqualTo("Saved. Complete within 7 days of joining.");
        assertThat(dueRules.rule(cohort.id())).isEqualTo(DueRule.withinDaysOfJoining(7));
        @SuppressWarnings("unchecked")
        Grid<org.compassioncourse.instructor.LearnerRow> grid = $(Grid.class).withId("learner-grid").single();
        assertThat(test(grid).getCellText(0, grid.getColumns().indexOf(grid.getColumnByKey("training"))))
                .isEqualTo("Due " + TrainingStanding.format(LocalDate.now(clock).plusDays(7)) + " — in 7 days");
    }

    @Test
    @WithCourseUser(email = "training.extend.view@ward7.example", role = Role.INSTRUCTOR)
    void anInstructorExtendsOneLearnersDueDateWithAReasonOnTheLearnersPage() {
        CurrentUser instructor = (CurrentUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        CohortSummary cohort = cohorts.createCohort("Extension cohort");
        CurrentUser learner = people.learner("Eli Extended");
        Learners.actAs(learner);
        cohorts.join(cohort.joinCode());
        Learners.actAs(instructor);
        LocalDate due = LocalDate.now(clock).plusDays(10);
        dueRules.setRule(cohort.id(), DueRule.completeBy(due));
        navigate(LearnerView.class, Map.of("cohortId", String.valueOf(cohort.id()), "userId", String.valueOf(learner.accountId())));
        assertThat($(Paragraph.class).withId("learner-due-date").single().getText()).isEqualTo("Due " + TrainingStanding.format(due) + ".");

        DatePicker date = $(DatePicker.class).withId("extension-date").single();
        date.setValue(due.plusDays(14));
        test($(Button.class).withId("extend-due-date").single()).click();
        TextArea reason = $(TextArea.class).withId("extension-reason").single();
        assertThat(reason.isInvalid()).as("a reason is required").isTrue();
        assertThat(date.getValue()).as("the date stays as typed").isEqualTo(due.plusDays(14));

        reason.setValue("Night shifts until the 20th");
        test($(Button.class).withId("extend-due-date").single()).click();
        assertThat($(Paragraph.class).withId("learner-due-date").single().getText())
                .startsWith("Due " + TrainingStanding.format(due.plusDays(14)) + " (extended on ").endsWith(": Night shifts until the 20th).");
    }

    @Test
    @WithCourseUser(email = "training.compliance.admin@ward7.example", role = Role.INSTRUCTOR, administrator = true)
    void theComplianceOverviewCountsEachCohortsLearnersByStatusInTableChartAndCsv() throws Exception {
        CurrentUser admin = (CurrentUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        CohortSummary cohort = cohorts.createCohort("Compliance cohort " + System.nanoTime());
        dueRules.setRule(cohort.id(), DueRule.completeBy(LocalDate.now(clock).plusDays(5)));
        for (String name : new String[]{"Cy One", "Di Two"}) {
            Learners.actAs(people.learner(name));
            cohorts.join(cohort.joinCode());
        }
        Learners.actAs(admin);
        ComplianceReport.Row row = compliance.overview().cohorts().stream().filter(r -> r.cohortId() == cohort.id()).findFirst().orElseThrow();
        assertThat(row.learners()).isEqualTo(2);
        assertThat(row.count(TrainingStatus.DUE_SOON)).isEqualTo(2);
        assertThat(row.compliant()).isZero();

        ComplianceView view = navigate(ComplianceView.class);
        view.layoutFor(390);
        assertThat(view.grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .as("on a phone: the cohort and its figures stacked").containsExactly(ComplianceView.COHORT, ComplianceView.STACKED);
        view.layoutFor(1400);
        assertThat(view.grid.getColumns().stream().filter(Grid.Column::isVisible)).hasSize(7);
        assertThat($(Grid.class).withId("compliance-grid").single().getGenericDataView().getItems()
                .map(r -> ((ComplianceReport.Row) r).cohort())).contains(cohort.name(), "All cohorts");
        assertThat($(Div.class).withId("compliance-chart").single().getElement().getTextRecursively())
                .contains(cohort.name() + " (2 learners): Due soon 100%");
        assertThat($(Anchor.class).withId("download-compliance").single().getText()).isEqualTo("Download compliance (CSV)");
        StringWriter csv = new StringWriter();
        compliance.writeCsv(csv);
        assertThat(csv.toString().lines()).as("cohort, instructor, learners, compliant (n, %), due soon, overdue, expired, ...")
                .contains(cohort.name() + "," + admin.displayName() + ",2,0,0.0,2,0,0,0,0,0");
    }
}

package org.compassioncourse.instructor.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.compassioncourse.account.Role;
import org.compassioncourse.cohort.CohortException;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.LearnerInMyCohort;
import org.compassioncourse.content.Course;
import org.compassioncourse.progress.CourseProgress;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.quiz.AttemptRecords;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One learner of the instructor's cohort: lessons read and every quiz attempt, answer by answer with key and time. */
@Route("instructor/cohort/:cohortId/learner/:userId")
@PageTitle("Learner · Compassion Course")
@RolesAllowed(Role.INSTRUCTOR_NAME)
public class LearnerView extends Main implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    private final CohortService cohorts;
    private final ProgressService progress;
    private final AttemptRecords attempts;
    private final Course course;

    public LearnerView(CohortService cohorts, ProgressService progress, AttemptRecords attempts, Course course) {
        this.cohorts = cohorts;
        this.progress = progress;
        this.attempts = attempts;
        this.course = course;
        addClassNames("page", "learner-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        LearnerInMyCohort learner;
        try {
            learner = cohorts.requireLearnerInOwnCohort(Long.parseLong(event.getRouteParameters().get("cohortId").orElse("")),
                    Long.parseLong(event.getRouteParameters().get("userId").orElse("")));
        } catch (NumberFormatException | CohortException notYours) {
            add(new H1("Learner not found"), new Paragraph("There is no such learner in your cohorts."), new Anchor("instructor", "Back to your cohorts"));
            return;
        }
        add(new H1(learner.displayName()));

        CourseProgress lessons = progress.progressOf(learner);
        add(new H2("Lessons"), new Paragraph(lessons.completedLessons() + " of " + lessons.lessons().size() + " lessons completed"));
        OrderedList lessonList = new OrderedList();
        lessonList.setId("learner-lessons");
        for (CourseProgress.LessonRow row : lessons.lessons()) {
            lessonList.add(new ListItem(row.title() + " — " + row.status().label() + ", " + row.sectionsReached() + " of "
                    + row.sectionsTotal() + " sections" + (row.lastVisitedAt() == null ? "" : ", last read " + WHEN.format(row.lastVisitedAt()))));
        }
        add(lessonList);

        add(new H2("Quiz attempts"));
        var all = attempts.attemptsOf(learner);
        if (all.isEmpty()) {
            add(new Paragraph("No quiz attempts yet."));
        }
        for (AttemptRecords.AttemptDetail attempt : all) {
            String what = switch (attempt.kind()) {
                case KNOWLEDGE_CHECK -> "Knowledge check, " + course.lesson(attempt.lessonId()).map(l -> l.title()).orElse("");
                case PRE_TEST -> "Pre-test";
                case FINAL_ASSESSMENT -> "Final assessment";
            };
            String outcome = attempt.submittedAt() == null ? "not submitted (started " + WHEN.format(attempt.startedAt()) + ")"
                    : Math.round(attempt.scorePercent()) + "%" + (attempt.passed() == null ? "" : attempt.passed() ? ", passed" : ", not passed")
                    + " — " + WHEN.format(attempt.submittedAt());
            Grid<AttemptRecords.ResponseDetail> answers = new Grid<>();
            answers.addColumn(AttemptRecords.ResponseDetail::stem).setHeader("Question").setFlexGrow(3);
            answers.addColumn(AttemptRecords.ResponseDetail::answer).setHeader("Answer").setFlexGrow(2);
            answers.addColumn(AttemptRecords.ResponseDetail::key).setHeader("Key").setFlexGrow(2);
            answers.addColumn(r -> Math.round(r.score() * 100) + "%").setHeader("Score");
            answers.addColumn(r -> Math.round(r.timeTakenMs() / 1000.0) + " s").setHeader("Time");
            answers.setItems(attempt.responses());
            answers.setAllRowsVisible(true);
            answers.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
            answers.setAriaLabel(what + " answers");
            Details details = new Details(what + ": " + outcome, answers);
            details.setId("attempt-" + attempt.attemptId());
            add(details);
        }
        add(new Anchor("instructor/cohort/" + learner.cohortId(), "Back to the cohort"));
    }
}

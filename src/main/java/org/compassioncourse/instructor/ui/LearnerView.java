package org.compassioncourse.instructor.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.compassioncourse.security.Role;
import org.compassioncourse.cohort.CohortException;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.LearnerInMyCohort;
import org.compassioncourse.training.DueRules;
import org.compassioncourse.training.ui.DueDateExtension;
import org.compassioncourse.completion.CompletionService;
import org.compassioncourse.completion.IssuedCertificate;
import org.compassioncourse.instructor.CohortReports;
import org.compassioncourse.instructor.LearnerRow;
import org.compassioncourse.completion.ui.LearnerCompletionPanel;
import org.compassioncourse.content.Course;
import org.compassioncourse.instructor.XapiStatementsExport;
import org.compassioncourse.progress.CourseProgress;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.quiz.AnswerRejectedException;
import org.compassioncourse.quiz.AttemptAllowance;
import org.compassioncourse.quiz.AttemptRecords;
import org.compassioncourse.quiz.FinalAttemptGrants;
import org.compassioncourse.quiz.ScorePercent;
import org.compassioncourse.base.ui.UserTime;

import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One learner of the instructor's cohort: lessons read and every quiz attempt, answer by answer with key and time. */
@Route("instructor/cohort/:cohortId/learner/:userId")
@RolesAllowed(Role.INSTRUCTOR_NAME)
public class LearnerView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final CohortService cohorts;
    private final ProgressService progress;
    private final AttemptRecords attempts;
    private final Course course;
    private final XapiStatementsExport xapi;
    private final FinalAttemptGrants grants;
    private final Clock clock;
    private final CompletionService completion;
    private final CohortReports reports;
    private String title = "Learner · Compassion Course";

    private final DueRules dueRules;

    public LearnerView(CohortService cohorts, ProgressService progress, AttemptRecords attempts, Course course, XapiStatementsExport xapi,
                       FinalAttemptGrants grants, Clock clock, CompletionService completion, CohortReports reports, DueRules dueRules) {
        this.dueRules = dueRules;
        this.reports = reports;
        this.clock = clock;
        this.completion = completion;
        this.grants = grants;
        this.cohorts = cohorts;
        this.progress = progress;
        this.attempts = attempts;
        this.course = course;
        this.xapi = xapi;
        addClassNames("page", "learner-page");
    }

    @Override
    public String getPageTitle() {
        return title;
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
        add(summary(learner, lessons));
        add(new LearnerCompletionPanel(completion, learner));
        add(new DueDateExtension(dueRules, learner));
        title = learner.displayName() + " · Learner · Compassion Course";
        LearnerInMyCohort exported = learner;
        DownloadHandler statements = download -> {
            download.setFileName(ExportFileNames.of("xapi-statements", exported.displayName(), "json", clock));
            download.setContentType("application/json");
            xapi.writeLearner(exported, download.getOutputStream());
        };
        Anchor xapiLink = new Anchor(statements, "Download this learner's records (xAPI statements, JSON)");
        xapiLink.setId("download-learner-xapi");
        add(new Paragraph(xapiLink));

        add(new H2("Lessons"), new Paragraph(lessons.completedLessons() + " of " + lessons.lessons().size() + " lessons completed"));
        OrderedList lessonList = new OrderedList();
        lessonList.setId("learner-lessons");
        for (CourseProgress.LessonRow row : lessons.lessons()) {
            lessonList.add(new ListItem(row.title() + " — " + row.status().label() + ", " + row.sectionsReached() + " of "
                    + row.sectionsTotal() + " sections" + (row.lastVisitedAt() == null ? "" : ", last read " + UserTime.dateTime(row.lastVisitedAt()))));
        }
        add(lessonList);

        var all = attempts.attemptsOf(learner);
        add(new H2("Timeline"), timeline(lessons, all));
        add(finalAttempts(learner));

        add(new H2("Quiz attempts"));
        if (all.isEmpty()) {
            add(new Paragraph("No quiz attempts yet."));
        }
        for (AttemptRecords.AttemptDetail attempt : all) {
            String what = quizName(attempt);
            String outcome = attempt.abandoned() ? "abandoned after a question was removed from the course (started "
                    + UserTime.dateTime(attempt.startedAt()) + ")"
                    : attempt.submittedAt() == null ? "not submitted (started " + UserTime.dateTime(attempt.startedAt()) + ")"
                    : score(attempt) + " — " + UserTime.dateTime(attempt.submittedAt());
            Grid<AttemptRecords.ResponseDetail> answers = new Grid<>();
            // id and scenario too: several scenario questions share a stem such as "Which statement is most accurate?"
            answers.addColumn(LearnerView::question).setHeader("Question").setFlexGrow(3)
                    .setTooltipGenerator(r -> r.scenario() == null ? r.stem() : r.scenario() + " " + r.stem());
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

    /**
     * The one-screen summary at the top: who, how far, the counted scores and gain, completion and certificate, each as
     * the services give it (the cohort grid's row, the learner's progress, the recorded completion).
     */
    private DescriptionList summary(LearnerInMyCohort learner, CourseProgress lessons) {
        LearnerRow row = reports.learner(learner);
        CompletionService.LearnerCompletion completed = completion.completionOf(learner);
        IssuedCertificate certificate = completed.certificate();
        DescriptionList summary = new DescriptionList();
        summary.setId("learner-summary");
        summary.addClassName("learner-summary");
        summary.getElement().setAttribute("aria-label", "Summary");
        fact(summary, "Email", row.email());
        fact(summary, "Lessons completed", lessons.completedLessons() + " of " + lessons.lessons().size());
        fact(summary, "Pre-test", row.preTest() == null ? "not taken" : ScorePercent.format(row.preTest()));
        fact(summary, "Final assessment (counted)", row.finalScore() == null ? "not taken"
                : ScorePercent.format(row.finalScore()) + (Boolean.TRUE.equals(row.passed()) ? ", passed" : ", not passed"));
        fact(summary, "Learning gain", row.learningGain() == null ? "—" : Math.round(row.learningGain() * 100) + "%");
        fact(summary, "Completed on", completed.completedAt() == null ? "not completed" : UserTime.date(completed.completedAt()));
        fact(summary, "Certificate", certificate == null ? "none issued"
                : certificate.revoked() ? "revoked on " + UserTime.date(certificate.revokedAt())
                : "issued on " + UserTime.date(certificate.issuedAt()));
        return summary;
    }

    private static void fact(DescriptionList list, String term, String value) {
        list.add(new DescriptionList.Term(term), new DescriptionList.Description(value));
    }

    /** The final assessment's attempt limit for this learner, the grants so far, and a button to grant one more. */
    private Section finalAttempts(LearnerInMyCohort learner) {
        Section section = new Section();
        section.setId("final-attempts");
        fillFinalAttempts(section, learner, grants.standingOf(learner), "");
        return section;
    }

    private void fillFinalAttempts(Section section, LearnerInMyCohort learner, FinalAttemptGrants.Standing standing, String message) {
        section.removeAll();
        section.add(new H2("Final assessment attempts"));
        AttemptAllowance allowance = standing.allowance();
        Paragraph used = new Paragraph(allowance.limited()
                ? allowance.used() + " of " + allowance.allowed() + " attempts used" + (standing.passed() ? " — passed ✓" : "")
                : allowance.used() + (allowance.used() == 1 ? " attempt" : " attempts") + " (this course sets no limit)");
        used.setId("final-attempts-used");
        section.add(used);
        if (!standing.grants().isEmpty()) {
            UnorderedList list = new UnorderedList();
            list.setId("attempt-grants");
            standing.grants().forEach(g -> list.add(new ListItem("One more attempt granted by " + g.grantedBy() + " on "
                    + UserTime.dateTime(g.grantedAt()))));
            section.add(list);
        }
        if (allowance.limited() && !standing.passed() && allowance.left() == 0) {
            Button grant = new Button("Grant one more attempt", click -> {
                try {
                    fillFinalAttempts(section, learner, grants.grantOneMoreAttempt(learner), "One more attempt granted.");
                } catch (AnswerRejectedException refused) {
                    fillFinalAttempts(section, learner, grants.standingOf(learner), refused.getMessage());
                }
            });
            grant.setId("grant-attempt");
            grant.setDisableOnClick(true);
            section.add(grant);
        }
        Paragraph note = new Paragraph(message);
        note.setId("grant-message");
        note.getElement().setAttribute("role", "status");
        section.add(note);
    }

    private static String question(AttemptRecords.ResponseDetail response) {
        String scenario = response.scenario();
        if (scenario == null) {
            return response.questionId() + ": " + response.stem();
        }
        String shortScenario = scenario.length() <= 140 ? scenario
                : scenario.substring(0, Math.max(scenario.lastIndexOf(' ', 140), 100)) + " …";
        return response.questionId() + ": " + shortScenario + " — " + response.stem();
    }

    private String quizName(AttemptRecords.AttemptDetail attempt) {
        return switch (attempt.kind()) {
            case KNOWLEDGE_CHECK -> "Knowledge check, " + course.lesson(attempt.lessonId()).map(l -> l.title()).orElse("");
            case PRE_TEST -> "Pre-test";
            case FINAL_ASSESSMENT -> "Final assessment";
        };
    }

    private static String score(AttemptRecords.AttemptDetail attempt) {
        return ScorePercent.format(attempt.scorePercent() == null ? 0 : attempt.scorePercent())
                + (attempt.passed() == null ? "" : attempt.passed() ? ", passed" : ", not passed");
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private record Event(Instant at, String text) {
    }

    /** Lessons opened and finished and quizzes started and submitted, oldest first. */
    private OrderedList timeline(CourseProgress lessons, List<AttemptRecords.AttemptDetail> all) {
        List<Event> events = new ArrayList<>();
        for (CourseProgress.LessonRow row : lessons.lessons()) {
            if (row.firstVisitedAt() != null) {
                events.add(new Event(row.firstVisitedAt(), "Opened lesson " + row.order() + ": " + row.title()));
            }
            if (row.completedAt() != null) {
                events.add(new Event(row.completedAt(), "Finished lesson " + row.order() + ": " + row.title()));
            }
        }
        for (AttemptRecords.AttemptDetail attempt : all) {
            events.add(attempt.submittedAt() == null
                    ? new Event(attempt.startedAt(), "Started the " + lowerFirst(quizName(attempt)) + " (not submitted)")
                    : new Event(attempt.submittedAt(), "Submitted the " + lowerFirst(quizName(attempt)) + ": " + score(attempt)));
        }
        events.sort(Comparator.comparing(Event::at));
        OrderedList list = new OrderedList();
        list.setId("learner-timeline");
        list.addClassName("timeline");
        if (events.isEmpty()) {
            list.add(new ListItem("Nothing yet: this learner has not opened a lesson or a quiz."));
        }
        for (Event event : events) {
            list.add(new ListItem(UserTime.dateTime(event.at()) + " — " + event.text()));
        }
        return list;
    }
}

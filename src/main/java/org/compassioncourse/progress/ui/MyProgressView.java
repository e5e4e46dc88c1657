package org.compassioncourse.progress.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.content.Course;
import org.compassioncourse.progress.CourseProgress;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.quiz.AttemptScore;
import org.compassioncourse.quiz.QuizScores;
import org.compassioncourse.quiz.QuizResults;
import org.compassioncourse.quiz.ScorePercent;
import org.compassioncourse.base.ui.UserTime;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The learner's own progress: per-lesson status, sections read and last activity. */
@Route("progress")
@PageTitle("My progress · Compassion Course")
@Menu(order = 3, title = "My progress", icon = "vaadin:chart-line")
@PermitAll
public class MyProgressView extends Main implements BeforeEnterObserver {

    private final ProgressService progressService;
    private final QuizResults quizResults;
    private final Course course;
    private final CohortService cohortService;
    /** Rows are the course's lessons (a handful, fixed by the content), not data that grows. */
    private final Grid<CourseProgress.LessonRow> grid = new Grid<>();
    private Map<String, Double> knowledgeChecks = Map.of();
    /** Lessons whose knowledge check has at least one checked answer: tried, even if not finished. */
    private java.util.Set<String> knowledgeChecksTried = java.util.Set.of();

    static final int NARROW_BELOW_PX = 640;
    private final List<Grid.Column<CourseProgress.LessonRow>> detailColumns = new ArrayList<>();
    private boolean narrow;
    private @Nullable Registration resizing;

    public MyProgressView(ProgressService progressService, QuizResults quizResults, Course course, CohortService cohortService) {
        this.course = course;
        this.cohortService = cohortService;
        this.progressService = progressService;
        this.quizResults = quizResults;
        addClassName("page");
        // on a phone the detail columns give way to a line under the lesson's title (see adaptTo)
        grid.addComponentColumn(row -> {
            Span details = new Span(sections(row) + " sections · knowledge check " + knowledgeCheck(row) + " · " + lastActivity(row));
            details.addClassName("progress-details");
            details.setVisible(narrow);
            return new Div(new Span(row.order() + ". " + row.title()), details);
        }).setHeader("Lesson").setFlexGrow(3);
        grid.addComponentColumn(row -> StatusBadge.of(row.status())).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        detailColumns.add(grid.addColumn(MyProgressView::sections).setHeader("Sections read").setFlexGrow(1));
        detailColumns.add(grid.addColumn(this::knowledgeCheck).setHeader("Knowledge check").setFlexGrow(1));
        detailColumns.add(grid.addColumn(MyProgressView::lastActivity).setHeader("Last activity").setFlexGrow(2));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAriaLabel("Progress by lesson");
        grid.setId("progress-grid");
    }

    private static String sections(CourseProgress.LessonRow row) {
        return row.sectionsReached() + " of " + row.sectionsTotal();
    }

    private String knowledgeCheck(CourseProgress.LessonRow row) {
        return Optional.ofNullable(knowledgeChecks.get(row.lessonId())).map(score -> "best " + ScorePercent.format(score))
                .orElse(knowledgeChecksTried.contains(row.lessonId()) ? "tried, not finished" : "not tried");
    }

    private static String lastActivity(CourseProgress.LessonRow row) {
        return row.lastVisitedAt() == null ? "—" : UserTime.dateTime(row.lastVisitedAt());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        Page page = attachEvent.getUI().getPage();
        page.retrieveExtendedClientDetails(details -> adaptTo(details.getWindowInnerWidth()));
        resizing = page.addBrowserWindowResizeListener(resize -> adaptTo(resize.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (resizing != null) {
            resizing.remove();
        }
    }

    /** Below 640 px the status stays in view and the details move under the title, instead of a sideways scroll. */
    void adaptTo(int windowWidth) {
        boolean nowNarrow = windowWidth < NARROW_BELOW_PX;
        if (nowNarrow != narrow) {
            narrow = nowNarrow;
            detailColumns.forEach(column -> column.setVisible(!narrow));
            grid.getDataProvider().refreshAll();
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        CourseProgress progress = progressService.myProgress();
        ProgressBar bar = new ProgressBar(0, 100, progress.percentComplete());
        bar.getElement().setAttribute("aria-label", "Course progress");
        Paragraph summary = new Paragraph(progress.completedLessons() + " of " + progress.lessons().size()
                + " lessons completed (" + progress.percentComplete() + "%)");
        summary.setId("progress-summary");
        // one read of every attempt's score for the grid and the list below; no attempt's feedback is built here
        QuizScores scores = quizResults.myScores();
        knowledgeChecks = scores.bestKnowledgeCheck();
        knowledgeChecksTried = scores.knowledgeChecksTried();
        grid.setItems(progress.lessons());
        add(new H1("My progress"), summary, bar, grid);
        // completion, evaluation, certificate and the data download live on "My record" (completion feature)
        Anchor record = new Anchor("my-record", "My record: completion, certificate and all your data");
        record.setId("my-record-link");
        add(new Paragraph(record));
        add(attempts(scores), cohorts());
    }

    /** Cohorts the learner belongs to, and joining one with the code an instructor gave. */
    private Section cohorts() {
        Section section = new Section(new H2("Your cohorts"));
        section.setId("my-cohorts");
        UnorderedList joined = new UnorderedList();
        Runnable refresh = () -> {
            joined.removeAll();
            var cohorts = cohortService.joinedCohorts();
            if (cohorts.isEmpty()) {
                joined.add(new ListItem("You have not joined a cohort. If your instructor gave you a code, enter it below."));
            }
            cohorts.forEach(c -> joined.add(new ListItem(c.name())));
        };
        refresh.run();
        TextField code = new TextField("Join code");
        code.setId("join-code");
        code.setMaxLength(20);
        Button join = new Button("Join cohort");
        join.setId("join-cohort");
        join.setDisableOnClick(true);
        join.addClickShortcut(Key.ENTER).listenOn(code);
        // the same confirmation page as a join link: who runs the cohort and what they will see, then one click
        join.addClickListener(click -> {
            String typed = code.getValue().strip();
            if (typed.isEmpty()) {
                code.setErrorMessage("Enter the code your instructor gave you.");
                code.setInvalid(true);
            } else {
                cohortService.invitation(typed).ifPresentOrElse(
                        invitation -> UI.getCurrent().navigate("join/" + invitation.code()),
                        () -> {
                            code.setErrorMessage("No cohort has the code \"" + typed + "\". Check the code with your instructor and try again.");
                            code.setInvalid(true);
                        });
            }
            join.setEnabled(true);
        });
        FlexLayout form = new FlexLayout(code, join);
        form.addClassName("inline-form");
        section.add(joined, form);
        return section;
    }

    /** Every submitted quiz attempt, newest first, each linking to its review. */
    private Section attempts(QuizScores scores) {
        H2 heading = new H2("Your quiz attempts");
        Section section = new Section(heading);
        section.setId("quiz-attempts");
        List<AttemptScore> all = new ArrayList<>(scores.submitted());
        all.sort(Comparator.comparing(AttemptScore::submittedAt).reversed());
        if (all.isEmpty()) {
            section.add(new Paragraph("No quiz attempts yet. Knowledge checks are at the end of each lesson."));
            return section;
        }
        UnorderedList list = new UnorderedList();
        for (AttemptScore result : all) {
            String what = switch (result.kind()) {
                case KNOWLEDGE_CHECK -> "Knowledge check, " + course.lesson(result.lessonId()).map(l -> l.title()).orElse("");
                case PRE_TEST -> "Pre-test";
                case FINAL_ASSESSMENT -> "Final assessment";
            };
            String verdict = result.passed() == null ? "" : result.passed() ? ", passed ✓" : ", not passed ✗";
            list.add(new ListItem(new Anchor("quiz-review/" + result.attemptId(),
                    what + ": " + ScorePercent.format(result.scorePercent()) + verdict + " (" + UserTime.dateTime(result.submittedAt()) + ")")));
        }
        section.add(list);
        return section;
    }
}

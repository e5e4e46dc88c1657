package org.compassioncourse.progress.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.compassioncourse.progress.CourseProgress;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.quiz.QuizService;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The learner's own progress: per-lesson status, sections read and last activity. */
@Route("progress")
@PageTitle("My progress · Compassion Course")
@Menu(order = 3, title = "My progress", icon = "vaadin:chart-line")
@PermitAll
public class MyProgressView extends Main implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    private final ProgressService progressService;
    private final QuizService quizService;
    /** Rows are the course's lessons (a handful, fixed by the content), not data that grows. */
    private final Grid<CourseProgress.LessonRow> grid = new Grid<>();
    private Map<String, Double> knowledgeChecks = Map.of();

    public MyProgressView(ProgressService progressService, QuizService quizService) {
        this.progressService = progressService;
        this.quizService = quizService;
        addClassName("page");
        grid.addColumn(row -> row.order() + ". " + row.title()).setHeader("Lesson").setFlexGrow(3);
        grid.addComponentColumn(row -> StatusBadge.of(row.status())).setHeader("Status").setFlexGrow(1);
        grid.addColumn(row -> row.sectionsReached() + " of " + row.sectionsTotal()).setHeader("Sections read").setFlexGrow(1);
        grid.addColumn(row -> Optional.ofNullable(knowledgeChecks.get(row.lessonId()))
                .map(score -> "best " + Math.round(score) + "%").orElse("not tried")).setHeader("Knowledge check").setFlexGrow(1);
        grid.addColumn(row -> row.lastVisitedAt() == null ? "—" : WHEN.format(row.lastVisitedAt()))
                .setHeader("Last activity").setFlexGrow(2);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAriaLabel("Progress by lesson");
        grid.setId("progress-grid");
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
        knowledgeChecks = quizService.bestKnowledgeCheckScores();
        grid.setItems(progress.lessons());
        add(new H1("My progress"), summary, bar, grid);
    }
}

package org.compassioncourse.instructor.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import org.compassioncourse.review.CohortRetention;
import org.compassioncourse.review.ui.CohortRetentionSection;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.compassioncourse.security.Role;
import org.compassioncourse.base.Percent;
import org.compassioncourse.base.ui.SelectLists;
import org.compassioncourse.cohort.CohortException;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.ui.JoinLink;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.instructor.CohortCharts;
import org.compassioncourse.instructor.CohortOverview;
import org.compassioncourse.instructor.CohortReviewService;
import org.compassioncourse.instructor.GradebookCsvExport;
import org.compassioncourse.instructor.ItemAnalysisService;
import org.compassioncourse.instructor.ItemStatistics;
import org.compassioncourse.instructor.LearnerRow;
import org.compassioncourse.instructor.LearnerStatus;
import org.compassioncourse.instructor.SyntheticCohortGenerator;
import org.compassioncourse.instructor.XapiStatementsExport;
import org.compassioncourse.base.ui.UserTime;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * One cohort's learners for its instructor: summary figures, a status filter and a grid that fetches one page at
 * a time from the database, sorted there.
 */
@Route("instructor/cohort/:cohortId")
@RolesAllowed(Role.INSTRUCTOR_NAME)
public class CohortView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final CohortReviewService review;
    private final CohortService cohorts;
    private final CohortRetention retention;
    private final GradebookCsvExport gradebook;
    private final XapiStatementsExport xapi;
    private final ItemAnalysisService itemAnalysis;
    private final Course course;
    final Select<LearnerStatus> filter = new Select<>();
    private static final int SHORT_LIST = 15;
    final Grid<LearnerRow> grid = new Grid<>();
    private final Clock clock;
    private long cohortId;
    private String title = "Cohort · Compassion Course";

    public CohortView(CohortReviewService review, CohortService cohorts, ItemAnalysisService itemAnalysis, Course course,
                      GradebookCsvExport gradebook, XapiStatementsExport xapi, Clock clock, CohortRetention retention) {
        this.retention = retention;
        this.clock = clock;
        this.review = review;
        this.cohorts = cohorts;
        this.gradebook = gradebook;
        this.xapi = xapi;
        this.itemAnalysis = itemAnalysis;
        this.course = course;
        addClassNames("page", "cohort-page");
        filter.setLabel("Show");
        filter.setWidth("20em");
        filter.setMaxWidth("100%");
        filter.setItems(LearnerStatus.values());
        filter.setItemLabelGenerator(LearnerStatus::label);
        filter.setValue(LearnerStatus.ALL);
        filter.setId("status-filter");
        SelectLists.named(filter, "Learners to show");
        filter.addValueChangeListener(e -> {
            grid.setEmptyStateText(emptyGridText());
            fitGridHeight();
            grid.getDataProvider().refreshAll();
        });

        grid.addComponentColumn(row -> {
                    Span email = new Span(row.email());
                    email.addClassName("learner-email");
                    return new Div(new Anchor("instructor/cohort/" + cohortId + "/learner/" + row.userId(), row.displayName()), email);
                }).setHeader("Learner")
                .setKey(CohortReviewService.SortColumn.NAME.name()).setSortable(true).setFlexGrow(3).setWidth("9rem");
        // widths leave room for a sortable header's sort mark and "100%" (at 4.5 rem it showed as "10…", read as 10%)
        grid.addColumn(row -> row.percentComplete() + "%").setHeader("Done")
                .setKey(CohortReviewService.SortColumn.PERCENT.name()).setSortable(true).setWidth("5.5rem").setFlexGrow(0);
        grid.addColumn(row -> row.currentLessonTitle() == null ? "—" : row.currentLessonTitle()).setHeader("Current lesson")
                .setFlexGrow(2).setWidth("7rem");
        grid.addColumn(row -> row.lastActive() == null ? "never" : UserTime.dateTime(row.lastActive())).setHeader("Last active")
                .setKey(CohortReviewService.SortColumn.LAST_ACTIVE.name()).setSortable(true).setFlexGrow(1).setWidth("6.5rem");
        grid.addColumn(row -> percent(row.preTest())).setHeader("Pre-test")
                .setKey(CohortReviewService.SortColumn.PRE_TEST.name()).setSortable(true).setWidth("5.75rem").setFlexGrow(0);
        grid.addColumn(row -> percent(row.finalScore())).setHeader("Final")
                .setKey(CohortReviewService.SortColumn.FINAL.name()).setSortable(true).setWidth("5.5rem").setFlexGrow(0);
        grid.addColumn(row -> row.passed() == null ? "—" : row.passed() ? "✓ passed" : "✗ not passed").setHeader("Result").setWidth("6.25rem").setFlexGrow(0);
        grid.addColumn(row -> row.learningGain() == null ? "—" : Percent.format(row.learningGain())).setHeader("Learning gain")
                .setWidth("5.5rem").setFlexGrow(0);
        grid.addColumn(row -> row.completedAt() == null ? "—" : UserTime.date(row.completedAt())).setHeader("Completed on")
                .setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(row -> row.certificate() == null ? "—" : row.certificate().equals("revoked") ? "✗ revoked" : "✓ issued")
                .setHeader("Certificate").setWidth("6rem").setFlexGrow(0);
        // on a narrow screen the figures stack under each learner in one column instead of scrolling sideways
        grid.addComponentColumn(CohortView::stackedFigures).setHeader("Progress and results").setKey(STACKED)
                .setFlexGrow(3).setWidth("10rem").setVisible(false);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel("Learners of this cohort");
        grid.setId("learner-grid");
        grid.setPageSize(50);
    }

    static final String STACKED = "stacked";
    /** Below this window width the grid's figures stack in one column (a phone, a narrow window). */
    static final int STACK_BELOW_PX = 1000;

    /** Every figure of a row, one per line, for the stacked layout. */
    private static Component stackedFigures(LearnerRow row) {
        Div figures = new Div();
        figures.addClassName("stacked-figures");
        figures.add(new Div("Done: " + row.percentComplete() + "%" + (row.currentLessonTitle() == null ? "" : " · now: " + row.currentLessonTitle())),
                new Div("Last active: " + (row.lastActive() == null ? "never" : UserTime.dateTime(row.lastActive()))),
                new Div("Pre-test " + percent(row.preTest()) + " · final " + percent(row.finalScore())
                        + (row.passed() == null ? "" : row.passed() ? " ✓ passed" : " ✗ not passed")
                        + (row.learningGain() == null ? "" : " · gain " + Percent.format(row.learningGain()))),
                new Div("Completed on: " + (row.completedAt() == null ? "—" : UserTime.date(row.completedAt()))
                        + " · certificate: " + (row.certificate() == null ? "—" : row.certificate().equals("revoked") ? "✗ revoked" : "✓ issued")));
        return figures;
    }

    /** Columns side by side on a wide window; on a narrow one, the learner and their figures stacked in one column. */
    void layoutGridFor(int windowWidth) {
        boolean stacked = windowWidth > 0 && windowWidth < STACK_BELOW_PX;
        grid.getColumns().forEach(column -> {
            String key = column.getKey();
            boolean always = CohortReviewService.SortColumn.NAME.name().equals(key);
            column.setVisible(always || (STACKED.equals(key) == stacked));
        });
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attach) {
        super.onAttach(attach);
        com.vaadin.flow.component.page.Page page = attach.getUI().getPage();
        com.vaadin.flow.component.page.ExtendedClientDetails details = page.getExtendedClientDetails();
        if (details != null) {
            layoutGridFor(details.getWindowInnerWidth());
        }
        resizeListener = page.addBrowserWindowResizeListener(resized -> layoutGridFor(resized.getWidth()));
    }

    private com.vaadin.flow.shared.@Nullable Registration resizeListener;

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detach) {
        if (resizeListener != null) {
            resizeListener.remove();
            resizeListener = null;
        }
        super.onDetach(detach);
    }

    /** A short list takes only the room it needs; a long one scrolls inside the grid, fetched page by page. */
    private void fitGridHeight() {
        grid.setAllRowsVisible(review.count(cohortId, filter.getValue()) <= SHORT_LIST);
    }

    private String emptyGridText() {
        return filter.getValue() == LearnerStatus.ALL
                ? "No learners yet. They join with the cohort's code or join link, shown above."
                : "No learners are \"" + filter.getValue().label() + "\" at the moment.";
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        CohortOverview overview;
        try {
            cohortId = Long.parseLong(event.getRouteParameters().get("cohortId").orElse(""));
            overview = review.overview(cohortId);
        } catch (NumberFormatException | CohortException notYours) {
            add(new H1("Cohort not found"), new Paragraph("There is no such cohort among yours."), new Anchor("instructor", "Back to your cohorts"));
            return;
        }
        Paragraph summary = new Paragraph(overview.learners() + (overview.learners() == 1 ? " learner · " : " learners · ") + overview.started() + " started · "
                + overview.completedLessons() + " read every lesson · " + overview.passed() + " passed the final"
                + (overview.averageFinal() == null ? "" : " · average final " + Math.round(overview.averageFinal()) + "%"));
        summary.setId("cohort-summary");
        title = overview.name() + " · Cohort · Compassion Course";
        grid.setItems(query -> {
            CohortReviewService.SortColumn sort = CohortReviewService.SortColumn.NAME;
            boolean ascending = true;
            if (!query.getSortOrders().isEmpty()) {
                var order = query.getSortOrders().getFirst();
                sort = CohortReviewService.SortColumn.valueOf(order.getSorted());
                ascending = order.getDirection() == SortDirection.ASCENDING;
            }
            return review.learners(cohortId, filter.getValue(), sort, ascending, query.getOffset(), query.getLimit()).stream();
        }, query -> review.count(cohortId, filter.getValue()));
        grid.setEmptyStateText(emptyGridText());
        fitGridHeight();
        long exportedCohort = cohortId;
        // streamed to the browser page by page, never held whole in memory
        DownloadHandler csv = download -> {
            download.setFileName(ExportFileNames.of("gradebook", overview.name(), "csv", clock));
            download.setContentType("text/csv;charset=UTF-8");
            try (java.io.Writer out = new java.io.OutputStreamWriter(download.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
                gradebook.write(exportedCohort, out);
            }
        };
        Anchor download = new Anchor(csv, "Download gradebook (CSV)");
        download.setId("download-gradebook");
        DownloadHandler statements = xapiDownload -> {
            xapiDownload.setFileName(ExportFileNames.of("xapi-statements", overview.name(), "json", clock));
            xapiDownload.setContentType("application/json");
            xapi.writeCohort(exportedCohort, xapiDownload.getOutputStream());
        };
        Anchor xapiLink = new Anchor(statements, "Download learning records (xAPI statements, JSON)");
        xapiLink.setId("download-xapi");
        Anchor evaluations = new Anchor("instructor/cohort/" + exportedCohort + "/evaluation", "Course evaluations");
        evaluations.setId("cohort-evaluations");
        Paragraph downloads = new Paragraph(download, new Text(" · "), xapiLink, new Text(" · "), evaluations);
        downloads.addClassName("downloads");
        boolean synthetic = SyntheticCohortGenerator.isSynthetic(overview.joinCode());
        Paragraph joining = synthetic
                ? new Paragraph("A synthetic cohort of invented learners, for trying the reports: nobody can join it.")
                : new Paragraph(new Text("Join code: " + overview.joinCode() + " or "), new JoinLink(overview.name(), overview.joinCode()));
        Div heading = new Div(new H1(overview.name()));
        heading.addClassName("cohort-heading");
        if (!synthetic) {
            // a synthetic cohort keeps its "[Synthetic]" name, so it is never mistaken for real learners
            Button rename = new Button("Rename", click -> openRenameDialog(overview.name()));
            rename.setId("rename-cohort");
            rename.setAriaLabel("Rename this cohort");
            rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            heading.add(rename);
        }
        add(heading, joining, summary, downloads, filter, grid,
                new Paragraph("\"Stuck\" means no activity for " + CohortReviewService.STUCK_AFTER_DAYS + " days without having read every lesson."));
        add(charts());
        add(new CohortRetentionSection(retention, cohortId));
        add(itemAnalysis(QuizSettings.Kind.FINAL_ASSESSMENT, "Item analysis: final assessment"),
                itemAnalysis(QuizSettings.Kind.PRE_TEST, "Item analysis: pre-test"),
                new Anchor("instructor", "Back to your cohorts"));
    }

    /** Asks for the new name; a refused name (empty, in use) is explained on the field, and nothing changes. */
    private void openRenameDialog(String currentName) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Rename cohort");
        dialog.setWidth("min(30rem, 95vw)");
        TextField name = new TextField("Cohort name");
        name.setId("cohort-new-name");
        name.setValue(currentName);
        name.setMaxLength(CohortService.MAX_NAME);
        name.setHelperText("The join code and join link stay the same.");
        name.setWidthFull();
        Button save = new Button("Save name");
        save.setId("save-cohort-name");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(click -> {
            try {
                cohorts.renameCohort(cohortId, name.getValue());
                dialog.close();
                // heading, tab title and export file names all follow the new name
                UI.getCurrent().refreshCurrentRoute(false);
            } catch (CohortException refused) {
                name.setErrorMessage(refused.getMessage());
                name.setInvalid(true);
                save.setEnabled(true);
                name.focus();
            }
        });
        save.addClickShortcut(Key.ENTER).listenOn(name);
        Button cancel = new Button("Cancel", click -> dialog.close());
        cancel.setId("cancel-rename");
        dialog.add(name);
        dialog.getFooter().add(cancel, save);
        add(dialog);
        dialog.addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                remove(dialog);
            }
        });
        dialog.open();
        name.focus();
    }

    /** Completion funnel, final score distribution and pre vs post: SVG drawn on the server, numbers repeated as text. */
    private Section charts() {
        CohortCharts data = review.charts(cohortId);
        Section section = new Section(new H2("Charts"));
        section.setId("cohort-charts");

        DefaultCategoryDataset funnel = new DefaultCategoryDataset();
        data.completedPerLesson().forEach(l -> funnel.addValue(l.learners(), "Completed", l.order() + ". " + l.title()));
        String funnelText = data.completedPerLesson().stream().map(l -> "lesson " + l.order() + ": " + l.learners())
                .collect(java.util.stream.Collectors.joining(", "));
        section.add(new H3("Completion by lesson"));
        if (data.completedPerLesson().stream().allMatch(l -> l.learners() == 0)) {
            section.add(new Paragraph("No learner has completed a lesson yet."));
        } else {
            section.add(chart("chart-funnel", "Completion by lesson", "Learners who completed each lesson: " + funnelText,
                    "Lesson", "Learners", funnel, true, null), new Paragraph("Completed, by lesson: " + funnelText + "."));
        }

        DefaultCategoryDataset scores = new DefaultCategoryDataset();
        StringBuilder scoreText = new StringBuilder();
        for (int bucket = 0; bucket < 10; bucket++) {
            String label = bucket * 10 + "–" + (bucket == 9 ? 100 : bucket * 10 + 9) + "%";
            scores.addValue(data.finalScoreBuckets()[bucket], "Learners", label);
            scoreText.append(bucket == 0 ? "" : ", ").append(label).append(": ").append(data.finalScoreBuckets()[bucket]);
        }
        section.add(new H3("Final assessment score distribution"));
        if (java.util.Arrays.stream(data.finalScoreBuckets()).sum() == 0) {
            section.add(new Paragraph("No learner has submitted the final assessment yet."));
        } else {
            section.add(chart("chart-scores", "Final assessment score distribution", "Learners per score band: " + scoreText,
                    "Final score", "Learners", scores, false, null), new Paragraph("Final scores: " + scoreText + "."));
        }

        section.add(new H3("Pre-test versus final assessment"));
        if (data.learnersWithBoth() == 0) {
            section.add(new Paragraph("No learner has taken both the pre-test and the final assessment yet."));
        } else {
            DefaultCategoryDataset prePost = new DefaultCategoryDataset();
            prePost.addValue(data.meanPre(), "Mean score", "Pre-test");
            prePost.addValue(data.meanPost(), "Mean score", "Final assessment");
            String text = "mean pre-test " + Math.round(data.meanPre()) + "%, mean final " + Math.round(data.meanPost())
                    + "% (" + data.learnersWithBoth() + (data.learnersWithBoth() == 1 ? " learner" : " learners") + " who took both)";
            section.add(chart("chart-pre-post", "Pre-test versus final assessment", text, "", "Mean score (%)", prePost, false, 100.0),
                    new Paragraph("Pre vs post: " + text + "."));
        }
        return section;
    }

    private static Div chart(String id, String title, String description, String categoryAxis, String valueAxis,
                             DefaultCategoryDataset data, boolean horizontal, @Nullable Double fullScale) {
        // on a phone the chart keeps a readable size and scrolls sideways; focusable so keyboards can scroll it too
        Div holder = new Div(new Html("<div class=\"chart\" tabindex=\"0\" aria-label=\"" + title + ", scrollable\">"
                + ChartSvg.bars(id, title, description, categoryAxis, valueAxis, data, horizontal, fullScale) + "</div>"));
        holder.addClassName("html-holder");
        return holder;
    }

    /**
     * Per-question statistics of one test, worked out when the instructor asks: over a large cohort they read every
     * response (hundreds of thousands), which the page's first load should not wait for.
     */
    private Section itemAnalysis(QuizSettings.Kind kind, String title) {
        Section section = new Section(new H2(title));
        section.setId("items-" + kind.yamlName());
        Button show = new Button("Show item analysis");
        show.setId("show-items-" + kind.yamlName());
        show.setAriaLabel("Show " + title);
        show.addClickListener(click -> {
            section.remove(show);
            itemAnalysisInto(section, kind, title);
            // the button pressed is gone: keyboard focus goes to what replaced it, not back to the top of the page
            section.getElement().setAttribute("tabindex", "-1");
            section.getElement().executeJs("this.focus()");
        });
        section.add(show);
        return section;
    }

    /** The rows are the bank's questions (a bounded list), not learners. */
    private void itemAnalysisInto(Section section, QuizSettings.Kind kind, String title) {
        ItemStatistics.Report report = itemAnalysis.report(cohortId, kind);
        long older = itemAnalysis.attemptsOnEarlierVersions(cohortId, kind);
        if (older > 0) {
            Paragraph versions = new Paragraph("Course version " + course.version() + " only: " + older
                    + (older == 1 ? " attempt" : " attempts") + " taken on an earlier version " + (older == 1 ? "is" : "are")
                    + " left out, because questions may have been reworded since.");
            versions.setId("items-" + kind.yamlName() + "-versions");
            section.add(versions);
        }
        if (report.attempts() == 0) {
            section.add(new Paragraph("No submitted attempts yet."));
            return;
        }
        Paragraph test = new Paragraph(report.attempts() + (report.attempts() == 1 ? " submitted attempt" : " submitted attempts") + " · mean " + Percent.format(report.meanPercent() / 100)
                + (report.cronbachAlpha() == null ? "" : " · Cronbach's alpha " + String.format(Locale.UK, "%.2f", report.cronbachAlpha()))
                + (report.standardErrorPercent() == null ? "" : " · standard error " + String.format(Locale.UK, "%.1f", report.standardErrorPercent()) + " points"));
        section.add(test);
        if (report.items().isEmpty()) {
            return;
        }
        Grid<ItemStatistics.ItemStat> items = new Grid<>();
        // Lit templates, not a component per cell: a bank of 150 questions made hundreds of server-side components
        // and took seconds to show; Lit binds text, so question wording cannot inject markup
        items.addColumn(LitRenderer.<ItemStatistics.ItemStat>of(
                        "<div>${item.scenario ? html`<span class=\"item-scenario\">${item.scenario} </span>` : ''}"
                                + "<span>${item.stem}</span><span class=\"item-id\">${item.id}</span></div>")
                        .withProperty("scenario", this::scenarioShown)
                        .withProperty("stem", this::stemShown)
                        .withProperty("id", ItemStatistics.ItemStat::questionId))
                .setHeader("Question").setFlexGrow(4).setWidth("16rem");
        // soft hyphens let long one-word headers break instead of being cut off
        items.addColumn(ItemStatistics.ItemStat::responses).setHeader("Respon\u00ADses").setWidth("6.5rem").setFlexGrow(0);
        items.addColumn(item -> Percent.format(item.facility())).setHeader("Facility").setWidth("6.5rem").setFlexGrow(0);
        items.addColumn(item -> item.discrimination() == null ? "—" : String.format(Locale.UK, "%.2f", item.discrimination()))
                .setHeader("Discrimi\u00ADnation").setWidth("7rem").setFlexGrow(0);
        // one line each: option texts may themselves contain commas or semicolons
        items.addColumn(LitRenderer.<ItemStatistics.ItemStat>of(
                        "${item.lines.length === 0 ? '—' : html`<ul class=\"option-counts\">${item.lines.map(line => html`<li>${line}</li>`)}</ul>`}")
                        .withProperty("lines", itemAnalysis::breakdown))
                .setHeader("Choices or parts (✓ = key)").setFlexGrow(3).setWidth("14rem");
        items.addColumn(CohortView::flags).setHeader("Flags").setFlexGrow(2).setWidth("10rem");
        items.setItems(report.items());
        items.setAllRowsVisible(true);
        items.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        items.setAriaLabel(title);
        section.add(items);
    }

    /** The question's scenario as learners met it, shortened; empty when it has none or is no longer in the course. */
    private String scenarioShown(ItemStatistics.ItemStat item) {
        return course.question(item.questionId())
                .map(question -> question.scenario() == null || question.scenario().isBlank() ? "" : shorten(question.scenario(), 120))
                .orElse("");
    }

    /** The stem as learners met it; the id under it finds the question in the course files. */
    private String stemShown(ItemStatistics.ItemStat item) {
        return course.question(item.questionId()).map(question -> question.stem()).orElse("(no longer in the course)");
    }

    private static String flags(ItemStatistics.ItemStat item) {
        if (item.flags().isEmpty()) {
            return "—";
        }
        if (item.flags().equals(List.of(ItemStatistics.TOO_FEW_RESPONSES))) {
            return "too few responses to judge (under " + ItemStatistics.MIN_RESPONSES_TO_FLAG + ")";
        }
        return "⚠ " + String.join(", ", item.flags());
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(text.lastIndexOf(' ', max), max / 2)) + "…";
    }

    private static String percent(@Nullable Double value) {
        return value == null ? "—" : Percent.format(value / 100);
    }
}

package org.compassioncourse.instructor.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import org.compassioncourse.review.CohortRetention;
import org.compassioncourse.review.ui.CohortRetentionSection;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.compassioncourse.security.Role;
import org.compassioncourse.base.ui.SelectLists;
import org.compassioncourse.cohort.CohortException;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.ui.JoinLink;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.instructor.CohortOverview;
import org.compassioncourse.instructor.CohortReports;
import org.compassioncourse.instructor.GradebookCsvExport;
import org.compassioncourse.instructor.ItemAnalysisService;
import org.compassioncourse.instructor.LearnerStatus;
import org.compassioncourse.training.DueRules;
import org.compassioncourse.training.TrainingStatus;
import org.compassioncourse.training.ui.DueRuleSection;
import org.compassioncourse.instructor.SyntheticCohortGenerator;
import org.compassioncourse.instructor.XapiStatementsExport;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.util.List;

/**
 * One cohort's learners for its instructor: summary figures, a status filter and a grid that fetches one page at
 * a time from the database, sorted there.
 */
@Route("instructor/cohort/:cohortId")
@RolesAllowed(Role.INSTRUCTOR_NAME)
public class CohortView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final CohortReports reports;
    private final CohortService cohorts;
    private final CohortRetention retention;
    private final GradebookCsvExport gradebook;
    private final XapiStatementsExport xapi;
    private final ItemAnalysisService itemAnalysis;
    private final Course course;
    final Select<LearnerStatus> filter = new Select<>();
    final Select<TrainingStatus> trainingFilter = new Select<>();
    private static final int SHORT_LIST = 15;
    private long cohortId;
    final LearnerGrid grid = new LearnerGrid(() -> cohortId);
    private final Clock clock;
    private String title = "Cohort · Compassion Course";

    private final DueRules dueRules;

    public CohortView(CohortReports reports, CohortService cohorts, ItemAnalysisService itemAnalysis, Course course,
                      GradebookCsvExport gradebook, XapiStatementsExport xapi, Clock clock, CohortRetention retention,
                      DueRules dueRules) {
        this.dueRules = dueRules;
        this.retention = retention;
        this.clock = clock;
        this.reports = reports;
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
        trainingFilter.setLabel("Training status");
        trainingFilter.setWidth("14em");
        trainingFilter.setMaxWidth("100%");
        trainingFilter.setItems(TrainingStatus.values());
        trainingFilter.setEmptySelectionAllowed(true);
        trainingFilter.setEmptySelectionCaption("Any training status");
        trainingFilter.setItemLabelGenerator(status -> status == null ? "Any training status" : status.label());
        trainingFilter.setId("training-filter");
        SelectLists.named(trainingFilter, "Training status to show");
        for (Select<?> select : List.of(filter, trainingFilter)) {
            select.addValueChangeListener(e -> {
                grid.setEmptyStateText(emptyGridText());
                fitGridHeight();
                grid.getDataProvider().refreshAll();
            });
        }
    }

    /** Columns side by side on a wide window; on a narrow one, the learner and their figures stacked in one column. */
    void layoutGridFor(int windowWidth) {
        grid.layoutFor(windowWidth);
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
        grid.setAllRowsVisible(reports.count(cohortId, filter.getValue(), trainingFilter.getValue()) <= SHORT_LIST);
    }

    private String emptyGridText() {
        TrainingStatus training = trainingFilter.getValue();
        if (filter.getValue() == LearnerStatus.ALL && training == null) {
            return "No learners yet. They join with the cohort's code or join link, shown above.";
        }
        return "No learners are " + (filter.getValue() == LearnerStatus.ALL ? "" : "\"" + filter.getValue().label() + "\"")
                + (filter.getValue() != LearnerStatus.ALL && training != null ? " and " : "")
                + (training == null ? "" : "\"" + training.label() + "\"") + " at the moment.";
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
            overview = reports.overview(cohortId);
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
            CohortReports.SortColumn sort = CohortReports.SortColumn.NAME;
            boolean ascending = true;
            if (!query.getSortOrders().isEmpty()) {
                var order = query.getSortOrders().getFirst();
                sort = CohortReports.SortColumn.valueOf(order.getSorted());
                ascending = order.getDirection() == SortDirection.ASCENDING;
            }
            return reports.learners(cohortId, filter.getValue(), trainingFilter.getValue(), sort, ascending,
                    query.getOffset(), query.getLimit()).stream();
        }, query -> reports.count(cohortId, filter.getValue(), trainingFilter.getValue()));
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
            Button rename = new Button("Rename", click -> rename(overview.name()));
            rename.setId("rename-cohort");
            rename.setAriaLabel("Rename this cohort");
            rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            heading.add(rename);
        }
        Div filters = new Div(filter, trainingFilter);
        filters.addClassName("grid-filters");
        add(heading, joining, summary, new DueRuleSection(dueRules, cohortId, () -> grid.getDataProvider().refreshAll()), downloads, filters, grid,
                new Paragraph("\"Stuck\" means no activity for " + CohortReports.STUCK_AFTER_DAYS + " days without having read every lesson."));
        add(new CohortChartsSection(reports.charts(cohortId)));
        add(new CohortRetentionSection(retention, cohortId));
        add(new ItemAnalysisSection(itemAnalysis, course, cohortId, QuizSettings.Kind.FINAL_ASSESSMENT, "Item analysis: final assessment"),
                new ItemAnalysisSection(itemAnalysis, course, cohortId, QuizSettings.Kind.PRE_TEST, "Item analysis: pre-test"),
                new Anchor("instructor", "Back to your cohorts"));
    }

    /** Asks for the new name; a refused name (empty, in use) is explained on the field, and nothing changes. */
    private void rename(String currentName) {
        RenameCohortDialog dialog = new RenameCohortDialog(currentName);
        dialog.addSaveListener(save -> {
            try {
                cohorts.renameCohort(cohortId, save.name());
                dialog.close();
                // heading, tab title and export file names all follow the new name
                UI.getCurrent().refreshCurrentRoute(false);
            } catch (CohortException refused) {
                dialog.refuse(refused.getMessage());
            }
        });
        dialog.openIn(this);
    }
}

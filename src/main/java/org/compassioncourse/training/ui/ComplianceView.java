package org.compassioncourse.training.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.compassioncourse.base.Percent;
import org.compassioncourse.security.Role;
import org.compassioncourse.training.ComplianceReport;
import org.compassioncourse.training.TrainingStatus;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The compliance overview for administrators: per cohort the share of learners compliant (completed and not expired),
 * due soon, overdue and expired, as a table and as bars whose every segment is also written out in words, with a CSV
 * download.
 */
@Route(ComplianceView.ROUTE)
@PageTitle("Compliance · Administration · Compassion Course")
@RolesAllowed(Role.ADMINISTRATOR_NAME)
@Menu(order = 5.5, title = "Compliance", icon = "vaadin:check-square-o")
public class ComplianceView extends Main implements BeforeEnterObserver {

    static final String ROUTE = "administration/compliance";
    static final String COHORT = "cohort";
    static final String STACKED = "stacked";
    /** Below this window width the figures stack in one column. */
    static final int STACK_BELOW_PX = 800;

    /** The statuses the bars show, in order, with the word each segment carries. */
    private static final List<TrainingStatus> SHOWN = List.of(TrainingStatus.COMPLETED, TrainingStatus.EXPIRING_SOON,
            TrainingStatus.DUE_SOON, TrainingStatus.OVERDUE, TrainingStatus.EXPIRED);

    private final ComplianceReport report;
    final Grid<ComplianceReport.Row> grid = new Grid<>();

    private final java.time.Clock clock;

    public ComplianceView(ComplianceReport report, java.time.Clock clock) {
        this.report = report;
        this.clock = clock;
        addClassNames("page", "compliance-page");
        setId("compliance");
        grid.addColumn(ComplianceReport.Row::cohort).setHeader("Cohort").setFlexGrow(3).setWidth("10rem").setKey(COHORT);
        grid.addColumn(ComplianceReport.Row::instructor).setHeader("Instructor").setFlexGrow(2).setWidth("8rem");
        grid.addColumn(ComplianceReport.Row::learners).setHeader("Learners").setFlexGrow(0).setWidth("6rem");
        grid.addColumn(row -> figure(row, row.compliant())).setHeader("Compliant").setFlexGrow(0).setWidth("8rem");
        grid.addColumn(row -> figure(row, row.count(TrainingStatus.DUE_SOON))).setHeader("Due soon").setFlexGrow(0).setWidth("7rem");
        grid.addColumn(row -> figure(row, row.count(TrainingStatus.OVERDUE))).setHeader("Overdue").setFlexGrow(0).setWidth("7rem");
        grid.addColumn(row -> figure(row, row.count(TrainingStatus.EXPIRED))).setHeader("Expired").setFlexGrow(0).setWidth("7rem");
        // on a phone the figures stack under the cohort's name instead of scrolling sideways
        grid.addColumn(ComplianceView::stacked).setHeader("Learners and statuses").setKey(STACKED).setFlexGrow(3)
                .setWidth("12rem").setVisible(false);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel("Compliance by cohort");
        grid.setId("compliance-grid");
        grid.setEmptyStateText("No cohorts yet.");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        ComplianceReport.Overview overview = report.overview();
        List<ComplianceReport.Row> rows = new ArrayList<>(overview.cohorts());
        rows.add(overview.everyone());
        grid.setItems(rows);
        DownloadHandler csv = download -> {
            download.setFileName("compliance-" + java.time.LocalDate.now(clock) + ".csv");
            download.setContentType("text/csv;charset=UTF-8");
            try (Writer out = new OutputStreamWriter(download.getOutputStream(), StandardCharsets.UTF_8)) {
                report.writeCsv(out);
            }
        };
        Anchor download = new Anchor(csv, "Download compliance (CSV)");
        download.setId("download-compliance");
        add(new H1("Compliance"),
                new Paragraph("Compliant means completed and not expired (a completion in its renewal window still counts). "
                        + "Each learner has one status, the same on every page; the last row counts every learner in any "
                        + "cohort once."),
                new Paragraph(download), grid, new H2("Compliance by cohort"), bars(rows));
    }

    /** One bar per cohort: each segment's width is its share, and the line under it says every share in words. */
    private static Div bars(List<ComplianceReport.Row> rows) {
        Div chart = new Div();
        chart.addClassName("compliance-bars");
        chart.setId("compliance-chart");
        for (ComplianceReport.Row row : rows) {
            Div bar = new Div();
            bar.addClassName("compliance-bar");
            bar.getElement().setAttribute("aria-hidden", "true"); // the words below say the same
            List<String> words = new ArrayList<>();
            for (TrainingStatus status : SHOWN) {
                long count = row.count(status);
                if (count == 0) {
                    continue;
                }
                Span segment = new Span();
                segment.addClassNames("segment", "segment-" + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                segment.getStyle().set("width", String.format(java.util.Locale.ROOT, "%.2f%%", row.share(count) * 100));
                bar.add(segment);
                words.add(status.label() + " " + Percent.format(row.share(count)));
            }
            Paragraph label = new Paragraph(row.cohort() + " (" + row.learners() + (row.learners() == 1 ? " learner" : " learners")
                    + "): " + (words.isEmpty() ? "none completed or due yet" : String.join(" · ", words)));
            label.addClassName("compliance-bar-label");
            chart.add(label, bar);
        }
        return chart;
    }

    /** Columns side by side on a wide window; on a narrow one, the cohort and its figures in two columns. */
    void layoutFor(int windowWidth) {
        boolean stacked = windowWidth > 0 && windowWidth < STACK_BELOW_PX;
        grid.getColumns().forEach(column -> column.setVisible(COHORT.equals(column.getKey()) || (STACKED.equals(column.getKey()) == stacked)));
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attach) {
        super.onAttach(attach);
        com.vaadin.flow.component.page.Page page = attach.getUI().getPage();
        com.vaadin.flow.component.page.ExtendedClientDetails details = page.getExtendedClientDetails();
        if (details != null) {
            layoutFor(details.getWindowInnerWidth());
        }
        resizeListener = page.addBrowserWindowResizeListener(resized -> layoutFor(resized.getWidth()));
    }

    private com.vaadin.flow.shared.@org.jspecify.annotations.Nullable Registration resizeListener;

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detach) {
        if (resizeListener != null) {
            resizeListener.remove();
            resizeListener = null;
        }
        super.onDetach(detach);
    }

    private static String stacked(ComplianceReport.Row row) {
        return (row.instructor().isEmpty() ? "" : row.instructor() + " · ") + row.learners() + " learners · compliant "
                + figure(row, row.compliant()) + " · due soon " + figure(row, row.count(TrainingStatus.DUE_SOON))
                + " · overdue " + figure(row, row.count(TrainingStatus.OVERDUE)) + " · expired " + figure(row, row.count(TrainingStatus.EXPIRED));
    }

    private static String figure(ComplianceReport.Row row, long count) {
        return count + " (" + Percent.format(row.share(count)) + ")";
    }
}

package org.compassioncourse.instructor.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.compassioncourse.base.Percent;
import org.compassioncourse.base.ui.UserTime;
import org.compassioncourse.instructor.CohortReports;
import org.compassioncourse.instructor.LearnerRow;
import org.jspecify.annotations.Nullable;

import java.util.function.LongSupplier;

/**
 * A cohort's learners, one row each: progress, scores and certificate, sortable by the columns the database sorts.
 * On a narrow window the figures stack under each learner in one column instead of scrolling sideways.
 */
final class LearnerGrid extends Grid<LearnerRow> {

    static final String STACKED = "stacked";
    /** Below this window width the grid's figures stack in one column (a phone, a narrow window). */
    static final int STACK_BELOW_PX = 1000;
    static final String TRAINING = "training";

    /** @param cohortId the cohort on the page, for the links to each learner */
    LearnerGrid(LongSupplier cohortId) {
        addComponentColumn(row -> {
                    Span email = new Span(row.email());
                    email.addClassName("learner-email");
                    return new Div(new Anchor("instructor/cohort/" + cohortId.getAsLong() + "/learner/" + row.userId(), row.displayName()), email);
                }).setHeader("Learner")
                .setKey(CohortReports.SortColumn.NAME.name()).setSortable(true).setFlexGrow(3).setWidth("9rem");
        // widths leave room for a sortable header's sort mark and "100%" (at 4.5 rem it showed as "10…", read as 10%)
        addColumn(row -> row.percentComplete() + "%").setHeader("Done")
                .setKey(CohortReports.SortColumn.PERCENT.name()).setSortable(true).setWidth("5.5rem").setFlexGrow(0);
        addColumn(row -> row.currentLessonTitle() == null ? "—" : row.currentLessonTitle()).setHeader("Current lesson")
                .setFlexGrow(2).setWidth("7rem");
        addColumn(row -> row.lastActive() == null ? "never" : UserTime.dateTime(row.lastActive())).setHeader("Last active")
                .setKey(CohortReports.SortColumn.LAST_ACTIVE.name()).setSortable(true).setFlexGrow(1).setWidth("6.5rem");
        // the status word first (what the filter says), then its dates: never colour alone
        addColumn(row -> row.training().describe()).setHeader("Training status").setKey(TRAINING)
                .setFlexGrow(2).setWidth("6.5rem");
        addColumn(row -> percent(row.preTest())).setHeader("Pre-test")
                .setKey(CohortReports.SortColumn.PRE_TEST.name()).setSortable(true).setWidth("5.75rem").setFlexGrow(0);
        addColumn(row -> percent(row.finalScore())).setHeader("Final")
                .setKey(CohortReports.SortColumn.FINAL.name()).setSortable(true).setWidth("5.5rem").setFlexGrow(0);
        addColumn(row -> row.passed() == null ? "—" : row.passed() ? "✓ passed" : "✗ not passed").setHeader("Result").setWidth("6.25rem").setFlexGrow(0);
        addColumn(row -> row.learningGain() == null ? "—" : Percent.format(row.learningGain())).setHeader("Learning gain")
                .setWidth("5.5rem").setFlexGrow(0);
        // no "Completed on" column: the training status says "Completed 4 January 2027 — valid until …"
        addColumn(row -> row.certificate() == null ? "—" : row.certificate().equals("revoked") ? "✗ revoked" : "✓ issued")
                .setHeader("Certificate").setWidth("6rem").setFlexGrow(0);
        // on a narrow screen the figures stack under each learner in one column instead of scrolling sideways
        addComponentColumn(LearnerGrid::stackedFigures).setHeader("Progress and results").setKey(STACKED)
                .setFlexGrow(3).setWidth("10rem").setVisible(false);
        addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        setAriaLabel("Learners of this cohort");
        setId("learner-grid");
        setPageSize(50);
    }

    /** Columns side by side on a wide window; on a narrow one, the learner and their figures stacked in one column. */
    void layoutFor(int windowWidth) {
        boolean stacked = windowWidth > 0 && windowWidth < STACK_BELOW_PX;
        getColumns().forEach(column -> {
            String key = column.getKey();
            boolean always = CohortReports.SortColumn.NAME.name().equals(key);
            column.setVisible(always || (STACKED.equals(key) == stacked));
        });
    }

    /** Every figure of a row, one per line, for the stacked layout. */
    private static Component stackedFigures(LearnerRow row) {
        Div figures = new Div();
        figures.addClassName("stacked-figures");
        figures.add(new Div("Training: " + row.training().describe()),
                new Div("Done: " + row.percentComplete() + "%" + (row.currentLessonTitle() == null ? "" : " · now: " + row.currentLessonTitle())),
                new Div("Last active: " + (row.lastActive() == null ? "never" : UserTime.dateTime(row.lastActive()))),
                new Div("Pre-test " + percent(row.preTest()) + " · final " + percent(row.finalScore())
                        + (row.passed() == null ? "" : row.passed() ? " ✓ passed" : " ✗ not passed")
                        + (row.learningGain() == null ? "" : " · gain " + Percent.format(row.learningGain()))),
                new Div("Completed on: " + (row.completedAt() == null ? "—" : UserTime.date(row.completedAt()))
                        + " · certificate: " + (row.certificate() == null ? "—" : row.certificate().equals("revoked") ? "✗ revoked" : "✓ issued")));
        return figures;
    }

    private static String percent(@Nullable Double value) {
        return value == null ? "—" : Percent.format(value / 100);
    }
}

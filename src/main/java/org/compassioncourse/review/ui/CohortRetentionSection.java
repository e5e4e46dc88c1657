package org.compassioncourse.review.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import org.compassioncourse.base.Percent;
import org.compassioncourse.base.ui.UserTime;
import org.compassioncourse.review.CohortRetention;

import java.util.List;

/** Spaced review on an instructor's cohort page: estimated retention per objective now, and who is a week overdue. */
public class CohortRetentionSection extends Section {

    public CohortRetentionSection(CohortRetention retention, long cohortId) {
        setId("cohort-retention");
        add(new H2("Spaced review"));
        add(new H3("Estimated retention by learning objective"));
        List<CohortRetention.ObjectiveRetention> rows = retention.retentionByObjective(cohortId);
        if (rows.isEmpty()) {
            add(new Paragraph("No learner in this cohort has reviewed a question yet."));
        } else {
            add(new Paragraph("The chance a learner would recall the objective's questions today (mean FSRS "
                    + "retrievability over the cohort's reviewed questions). Low figures suggest a refresher."));
            add(chart(rows));
            // one row per objective: bounded by the course content, not by the data
            Grid<CohortRetention.ObjectiveRetention> grid = new Grid<>();
            grid.addColumn(CohortRetention.ObjectiveRetention::label).setHeader("Objective").setFlexGrow(3);
            grid.addColumn(r -> Percent.format(r.meanRetrievability())).setHeader("Estimated retention").setFlexGrow(1);
            grid.addColumn(CohortRetention.ObjectiveRetention::learners).setHeader("Learners").setFlexGrow(0).setAutoWidth(true);
            grid.addColumn(CohortRetention.ObjectiveRetention::cards).setHeader("Questions reviewed").setFlexGrow(0).setAutoWidth(true);
            grid.setItems(rows);
            grid.setAllRowsVisible(true);
            grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.setAriaLabel("Estimated retention by learning objective");
            grid.setId("retention-grid");
            add(grid);
        }
        add(new H3("Reviews overdue by more than a week"));
        List<CohortRetention.OverdueLearner> overdue = retention.overdueLearners(cohortId);
        if (overdue.isEmpty()) {
            add(new Paragraph("Nobody: every learner is within a week of their reviews."));
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("overdue-learners");
            overdue.forEach(l -> list.add(new ListItem(l.displayName() + ": " + l.overdueCards() + " questions, due since "
                    + UserTime.date(l.oldestDue()))));
            add(list);
        }
    }

    /**
     * The same figures as horizontal bars in plain HTML (no chart library, no script): each bar carries its objective and
     * percentage as text, so neither colour nor length alone says anything. Hidden from screen readers, which get the
     * table below with the same figures.
     */
    static Div chart(List<CohortRetention.ObjectiveRetention> rows) {
        Div chart = new Div();
        chart.setId("retention-chart");
        chart.addClassName("retention-chart");
        chart.getElement().setAttribute("aria-hidden", "true");
        for (CohortRetention.ObjectiveRetention row : rows) {
            Span label = new Span(row.label());
            label.addClassName("retention-label");
            Div bar = new Div(new Span(Percent.format(row.meanRetrievability())));
            bar.addClassName("retention-bar");
            bar.getStyle().set("width", Math.max(2, Math.min(100, Math.round(row.meanRetrievability() * 100))) + "%");
            Div track = new Div(bar);
            track.addClassName("retention-track");
            chart.add(label, track);
        }
        return chart;
    }
}

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

/**
 * Spaced review on an instructor's cohort page: per objective, how often the cohort recalled it at review lately and
 * how much FSRS predicts it would recall a week from now; and who is a week overdue. The page says which is which.
 */
public class CohortRetentionSection extends Section {

    public CohortRetentionSection(CohortRetention retention, long cohortId) {
        setId("cohort-retention");
        add(new H2("Spaced review"));
        add(new H3("Retention by learning objective"));
        List<CohortRetention.ObjectiveRetention> rows = retention.retentionByObjective(cohortId);
        if (rows.isEmpty()) {
            add(new Paragraph("No learner in this cohort has reviewed a question yet."));
        } else {
            Paragraph meaning = new Paragraph("Recalled at review: of the cohort's reviews of the objective's questions in "
                    + "the last " + CohortRetention.RECENT_DAYS + " days, the share answered right (each a day or more after "
                    + "the learner last saw the question; the repeat of a missed question the same day is not counted). "
                    + "Predicted in a week: the share of the objective's questions the learners are expected to recall "
                    + CohortRetention.AHEAD_DAYS + " days from now if they do not review before (FSRS memory model). "
                    + "Low figures suggest a refresher.");
            meaning.setId("retention-meaning");
            add(meaning);
            Paragraph caption = new Paragraph("Recalled at review, last " + CohortRetention.RECENT_DAYS + " days:");
            caption.getElement().setAttribute("aria-hidden", "true");
            add(caption, chart(rows));
            // one row per objective: bounded by the course content, not by the data
            Grid<CohortRetention.ObjectiveRetention> grid = new Grid<>();
            grid.addColumn(CohortRetention.ObjectiveRetention::label).setHeader("Objective").setFlexGrow(3);
            grid.addColumn(CohortRetentionSection::recalled).setHeader("Recalled at review (last "
                    + CohortRetention.RECENT_DAYS + " days)").setFlexGrow(1);
            grid.addColumn(r -> Percent.format(r.recallInAWeek())).setHeader("Predicted in a week").setFlexGrow(1);
            grid.addColumn(CohortRetention.ObjectiveRetention::learners).setHeader("Learners").setFlexGrow(0).setAutoWidth(true);
            grid.setItems(rows);
            grid.setAllRowsVisible(true);
            grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.setAriaLabel("Retention by learning objective");
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

    /** "70% of 10 reviews", or why there is no figure. */
    static String recalled(CohortRetention.ObjectiveRetention row) {
        Double rate = row.recallRate();
        return rate == null ? "no reviews yet" : Percent.format(rate) + " of " + row.reviews() + (row.reviews() == 1 ? " review" : " reviews");
    }

    /**
     * The recall at review as horizontal bars in plain HTML (no chart library, no script): each bar carries its objective
     * and figure as text, so neither colour nor length alone says anything. Hidden from screen readers, which get the
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
            double share = row.recallRate() == null ? 0 : row.recallRate();
            Div bar = new Div(new Span(recalled(row)));
            bar.addClassName("retention-bar");
            bar.getStyle().set("width", Math.max(2, Math.min(100, Math.round(share * 100))) + "%");
            Div track = new Div(bar);
            track.addClassName("retention-track");
            chart.add(label, track);
        }
        return chart;
    }
}

package org.compassioncourse.instructor.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import org.compassioncourse.instructor.CohortCharts;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Completion funnel, final score distribution and pre vs post: SVG drawn on the server, numbers repeated as text. */
final class CohortChartsSection extends Section {

    CohortChartsSection(CohortCharts data) {
        add(new H2("Charts"));
        setId("cohort-charts");

        DefaultCategoryDataset funnel = new DefaultCategoryDataset();
        data.completedPerLesson().forEach(l -> funnel.addValue(l.learners(), "Completed", l.order() + ". " + l.title()));
        String funnelText = data.completedPerLesson().stream().map(l -> "lesson " + l.order() + ": " + l.learners())
                .collect(Collectors.joining(", "));
        add(new H3("Completion by lesson"));
        if (data.completedPerLesson().stream().allMatch(l -> l.learners() == 0)) {
            add(new Paragraph("No learner has completed a lesson yet."));
        } else {
            add(chart("chart-funnel", "Completion by lesson", "Learners who completed each lesson: " + funnelText,
                    "Lesson", "Learners", funnel, true, null), new Paragraph("Completed, by lesson: " + funnelText + "."));
        }

        DefaultCategoryDataset scores = new DefaultCategoryDataset();
        StringBuilder scoreText = new StringBuilder();
        for (int bucket = 0; bucket < 10; bucket++) {
            String label = bucket * 10 + "–" + (bucket == 9 ? 100 : bucket * 10 + 9) + "%";
            scores.addValue(data.finalScoreBuckets()[bucket], "Learners", label);
            scoreText.append(bucket == 0 ? "" : ", ").append(label).append(": ").append(data.finalScoreBuckets()[bucket]);
        }
        add(new H3("Final assessment score distribution"));
        if (Arrays.stream(data.finalScoreBuckets()).sum() == 0) {
            add(new Paragraph("No learner has submitted the final assessment yet."));
        } else {
            add(chart("chart-scores", "Final assessment score distribution", "Learners per score band: " + scoreText,
                    "Final score", "Learners", scores, false, null), new Paragraph("Final scores: " + scoreText + "."));
        }

        add(new H3("Pre-test versus final assessment"));
        if (data.learnersWithBoth() == 0) {
            add(new Paragraph("No learner has taken both the pre-test and the final assessment yet."));
        } else {
            DefaultCategoryDataset prePost = new DefaultCategoryDataset();
            prePost.addValue(data.meanPre(), "Mean score", "Pre-test");
            prePost.addValue(data.meanPost(), "Mean score", "Final assessment");
            String text = "mean pre-test " + Math.round(data.meanPre()) + "%, mean final " + Math.round(data.meanPost())
                    + "% (" + data.learnersWithBoth() + (data.learnersWithBoth() == 1 ? " learner" : " learners") + " who took both)";
            add(chart("chart-pre-post", "Pre-test versus final assessment", text, "", "Mean score (%)", prePost, false, 100.0),
                    new Paragraph("Pre vs post: " + text + "."));
        }
    }

    private static Div chart(String id, String title, String description, String categoryAxis, String valueAxis,
                             DefaultCategoryDataset data, boolean horizontal, @Nullable Double fullScale) {
        // on a phone the chart keeps a readable size and scrolls sideways; focusable so keyboards can scroll it too
        Div holder = new Div(new Html("<div class=\"chart\" tabindex=\"0\" aria-label=\"" + title + ", scrollable\">"
                + ChartSvg.bars(id, title, description, categoryAxis, valueAxis, data, horizontal, fullScale) + "</div>"));
        holder.addClassName("html-holder");
        return holder;
    }
}

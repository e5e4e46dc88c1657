package org.compassioncourse.review.ui;

import com.vaadin.flow.component.html.Div;
import org.compassioncourse.review.CohortRetention;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention chart: one bar per objective, as long as its recall at review, with the objective and figure in words. */
class RetentionChartTest {

    @Test
    void eachObjectiveGetsABarAsLongAsItsRetentionWithTheFigureWrittenOnIt() {
        Div chart = CohortRetentionSection.chart(List.of(
                new CohortRetention.ObjectiveRetention("studying-the-brain", 1, "Lesson 1, objective 1: fMRI", 0.876, 16, 0.8, 12, 4),
                new CohortRetention.ObjectiveRetention("empathy-versus-compassion", 2, "Lesson 3, objective 2: training", 0.41, 22, 0.5, 8, 4),
                new CohortRetention.ObjectiveRetention("first-lesson", 3, "Lesson 4, objective 3: rest", null, 0, 0.95, 3, 1)));

        String text = chart.getElement().getTextRecursively();
        assertThat(text).contains("Lesson 1, objective 1: fMRI").contains("88%").contains("Lesson 3, objective 2: training").contains("41% of 22 reviews")
                .contains("no reviews yet");
        List<String> widths = chart.getElement().getChildren()
                .filter(child -> child.getClassList().contains("retention-track"))
                .map(track -> track.getChild(0).getStyle().get("width")).toList();
        assertThat(widths).containsExactly("88%", "41%", "2%");
        assertThat(chart.getElement().getAttribute("aria-hidden")).as("the table below carries the figures for screen readers").isEqualTo("true");
    }
}

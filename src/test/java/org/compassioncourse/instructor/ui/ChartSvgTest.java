package org.compassioncourse.instructor.ui;

import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChartSvgTest {

    private static DefaultCategoryDataset bars(String series, String first, int firstValue, String second, int secondValue) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(firstValue, series, first);
        data.addValue(secondValue, series, second);
        return data;
    }

    @Test
    void chartIsAnAccessibleScalableSvgWithTitleAndDescription() {
        DefaultCategoryDataset data = bars("Learners", "90–100%", 3, "80–89%", 1);

        String svg = ChartSvg.bars("chart-test", "Score <distribution>", "3 learners scored 90–100%", "Score", "Learners", data, false, null);

        assertThat(svg).startsWith("<svg").contains("role=\"img\"")
                .contains("aria-labelledby=\"chart-test-title chart-test-desc\"")
                .contains("<title id=\"chart-test-title\">Score &lt;distribution&gt;</title>")
                .contains("<desc id=\"chart-test-desc\">3 learners scored 90–100%</desc>");
        assertThat(svg.split("viewBox=", -1)).as("exactly one viewBox").hasSize(2);
        assertThat(svg).contains("90–100%").doesNotContain("<script");
    }

    @Test
    void percentageChartRunsToOneHundredSoAGainIsNotExaggerated() {
        DefaultCategoryDataset data = bars("Mean score", "Pre-test", 29, "Final assessment", 38);

        String fitted = ChartSvg.bars("fitted", "Means", "pre 29%, final 38%", "", "Mean score (%)", data, false, null);
        String fullScale = ChartSvg.bars("full", "Means", "pre 29%, final 38%", "", "Mean score (%)", data, false, 100.0);

        assertThat(fitted).doesNotContain(">100<");
        assertThat(fullScale).contains(">100<");
    }
}

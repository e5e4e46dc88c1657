package org.compassioncourse.instructor;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Item statistics checked against values worked out by hand for a small fixed data set. */
class ItemStatisticsTest {

    /** Six attempts at a three-slot test; rows are attempts, columns the items q1, q2, q3. */
    private static final int[][] SCORES = {{1, 1, 1}, {1, 1, 0}, {1, 0, 0}, {0, 0, 0}, {1, 1, 1}, {0, 1, 0}};

    private static ItemStatistics.Report report() {
        ItemStatistics statistics = new ItemStatistics();
        for (int[] attempt : SCORES) {
            statistics.add(List.of(
                    new ItemStatistics.Response("q1", "slot-a", attempt[0], Set.of(attempt[0] == 1 ? "right" : "distractor")),
                    new ItemStatistics.Response("q2", "slot-b", attempt[1], Set.of()),
                    new ItemStatistics.Response("q3", "slot-c", attempt[2], Set.of())));
        }
        return statistics.report();
    }

    private static ItemStatistics.ItemStat item(String id) {
        return report().items().stream().filter(i -> i.questionId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void facilityIsTheMeanScoreOfEachItem() {
        assertThat(item("q1").facility()).isCloseTo(4.0 / 6, within(1e-9));
        assertThat(item("q3").facility()).isCloseTo(2.0 / 6, within(1e-9));
        assertThat(item("q1").responses()).isEqualTo(6);
    }

    @Test
    void discriminationIsTheCorrelationOfTheItemWithTheRestOfTheTest() {
        // q1 = (1,1,1,0,1,0), rest = (2,1,0,0,2,1): cov = 1/6, var(q1) = 2/9, var(rest) = 2/3,
        // r = (1/6) / sqrt(2/9 * 2/3) = 0.4330127
        assertThat(item("q1").discrimination()).isCloseTo(0.4330127019, within(1e-9));
        assertThat(item("q3").discrimination()).isCloseTo(0.6324555320, within(1e-9));
    }

    @Test
    void cronbachsAlphaAndStandardErrorOverTheBlueprintSlots() {
        // item variances 2/9 + 2/9 + 2/9 = 2/3; total variance 24/6 - (10/6)^2 = 11/9; alpha = 3/2 (1 - (2/3)/(11/9)) = 15/22
        ItemStatistics.Report report = report();
        assertThat(report.cronbachAlpha()).isCloseTo(15.0 / 22, within(1e-9));
        // SD of totals sqrt(11/9) = 1.1055 points of 3 = 36.85%; SEM = 36.85% * sqrt(1 - 15/22) = 20.787%
        assertThat(report.standardErrorPercent()).isCloseTo(20.78698548, within(1e-6));
        assertThat(report.meanPercent()).isCloseTo(55.5555556, within(1e-6));
        assertThat(report.attempts()).isEqualTo(6);
    }

    @Test
    void optionChoicesAreCountedForDistractorAnalysis() {
        assertThat(item("q1").optionCounts()).containsEntry("right", 4L).containsEntry("distractor", 2L);
    }

    @Test
    void itemsThatAreTooEasyTooHardOrDiscriminateNegativelyAreFlagged() {
        ItemStatistics statistics = new ItemStatistics();
        int[][] scores = {{1, 0, 1}, {1, 0, 0}, {1, 0, 1}, {1, 1, 0}, {1, 0, 0}, {1, 0, 1}};
        for (int[] s : java.util.stream.Stream.of(scores, scores).flatMap(java.util.Arrays::stream).toList()) { // 12 attempts
            statistics.add(List.of(new ItemStatistics.Response("easy", "a", s[0], Set.of()),
                    new ItemStatistics.Response("hard", "b", s[1], Set.of()),
                    new ItemStatistics.Response("odd", "c", s[2], Set.of())));
        }
        var items = statistics.report().items();
        assertThat(items.get(0).flags()).containsExactly("too easy");
        assertThat(items.get(1).flags()).contains("too hard", "discriminates negatively");
        assertThat(items.get(2).flags()).contains("discriminates negatively");
    }

    @Test
    void itemsWithFewerThanTenResponsesAreNotJudged() {
        // six attempts: facility 1.0 would say "too easy", but six answers say little about a question
        assertThat(report().items()).allSatisfy(item -> assertThat(item.flags()).containsExactly(ItemStatistics.TOO_FEW_RESPONSES));
    }

    @Test
    void anEmptyCohortHasNoStatisticsRatherThanNonsense() {
        ItemStatistics.Report report = new ItemStatistics().report();
        assertThat(report.attempts()).isZero();
        assertThat(report.items()).isEmpty();
        assertThat(report.cronbachAlpha()).isNull();
    }
}

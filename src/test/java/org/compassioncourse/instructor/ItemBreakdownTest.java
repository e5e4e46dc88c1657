package org.compassioncourse.instructor;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.CourseContentLoader;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.StoredAnswers;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Matching, categorise and ordering items break down per pair or item, not "—". */
class ItemBreakdownTest {

    private static final Course COURSE = CourseContentLoader.load(Path.of("src/test/resources/course-fixture"));

    @Test
    void eachPairOrItemShowsTheShareOfLearnersWhoPlacedItCorrectly() {
        ItemStatistics statistics = new ItemStatistics();
        statistics.add(List.of(new ItemStatistics.Response("m", "a", 1, Set.of(), Map.of("p1", true, "p2", true))));
        statistics.add(List.of(new ItemStatistics.Response("m", "a", 0.5, Set.of(), Map.of("p1", true, "p2", false))));
        statistics.add(List.of(new ItemStatistics.Response("m", "a", 0, Set.of(), Map.of("p1", false, "p2", false))));
        // "I don't know yet": no part placed, so no part placed correctly
        statistics.add(List.of(new ItemStatistics.Response("m", "a", 0, Set.of(), Map.of())));

        ItemStatistics.ItemStat item = statistics.report().items().getFirst();

        assertThat(item.partsPlacedCorrectly().get("p1")).isCloseTo(0.5, within(1e-9));
        assertThat(item.partsPlacedCorrectly().get("p2")).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void theServiceWritesOneLinePerOrderingItemFromStoredAnswersWithTheKeyMarked() {
        ItemAnalysisService service = new ItemAnalysisService(null, null, null, COURSE);
        ItemStatistics statistics = new ItemStatistics();
        String rightOrder = StoredAnswers.stored(new Answer.Order(List.of("notice", "feel", "act")));
        String swapped = StoredAnswers.stored(new Answer.Order(List.of("feel", "notice", "act")));
        for (String stored : List.of(rightOrder, rightOrder, swapped)) {
            statistics.add(List.of(new ItemStatistics.Response("first-ordering", "s", 0, Set.of(),
                    service.partsPlaced("first-ordering", stored))));
        }

        List<String> lines = service.breakdown(statistics.report().items().getFirst());

        assertThat(lines).containsExactly("1. Notice ✓: 67% placed correctly", "2. Feel ✓: 67% placed correctly",
                "3. Act ✓: 100% placed correctly");
    }

    @Test
    void anOptionWrittenAsASentenceLosesItsFullStopBeforeItsCountSoNoLineReadsDotColon() {
        assertThat(ItemAnalysisService.withoutFullStop("The ventral striatum. ")).isEqualTo("The ventral striatum");
        assertThat(ItemAnalysisService.withoutFullStop("Wait and see...")).as("an ellipsis stays").isEqualTo("Wait and see...");
        assertThat(ItemAnalysisService.withoutFullStop("Insula")).isEqualTo("Insula");
    }

    @Test
    void matchingAndCategoriseBreakDownPerPairAndItem() {
        ItemAnalysisService service = new ItemAnalysisService(null, null, null, COURSE);
        ItemStatistics statistics = new ItemStatistics();
        statistics.add(List.of(new ItemStatistics.Response("first-matching", "s", 0, Set.of(), service.partsPlaced("first-matching",
                StoredAnswers.stored(new Answer.Matches(Map.of("singer", "fan", "fan", "singer")))))));
        statistics.add(List.of(new ItemStatistics.Response("first-categorise", "t", 0.5, Set.of(), service.partsPlaced("first-categorise",
                StoredAnswers.stored(new Answer.Categories(Map.of("r1", "empathy", "r2", "empathy")))))));

        List<ItemStatistics.ItemStat> items = statistics.report().items();
        assertThat(service.breakdown(items.get(0))).containsExactly(
                "Singer 2004 → Shared pain network ✓: 0% placed correctly",
                "Fan 2011 → Core empathy network… ✓: 0% placed correctly");
        assertThat(service.breakdown(items.get(1))).containsExactly(
                "I feel your fear. → Empathy ✓: 100% placed correctly",
                "I care and I will help. → Compassion ✓: 0% placed correctly");
    }

    @Test
    void hotspotItemsCountTheClicksPerRegionWithTheAskedForRegionMarked() {
        ItemAnalysisService service = new ItemAnalysisService(null, null, null, COURSE);
        ItemStatistics statistics = new ItemStatistics();
        for (String clicked : List.of("insula", "insula", "cerebellum")) {
            statistics.add(List.of(new ItemStatistics.Response("first-hotspot", "h", clicked.equals("insula") ? 1 : 0,
                    ItemAnalysisService.chosenOptions(new Answer.Region(clicked)), Map.of())));
        }

        List<String> lines = service.breakdown(statistics.report().items().getFirst());

        assertThat(lines).anyMatch(line -> line.matches("Insula.* ✓: 2")).anyMatch(line -> line.matches("Cerebellum.*: 1"))
                .noneMatch(line -> line.startsWith("Cerebellum") && line.contains("✓"));
    }
}

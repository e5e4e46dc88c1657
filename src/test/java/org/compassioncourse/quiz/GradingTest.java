package org.compassioncourse.quiz;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.CourseContentLoader;
import org.compassioncourse.content.Figure;
import org.compassioncourse.content.Question;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GradingTest {

    private static final Course COURSE = CourseContentLoader.load(Path.of("src/test/resources/course-fixture"));
    private static final Figure FIGURE = COURSE.figures().getFirst();

    private static Question q(String id) {
        return COURSE.question(id).orElseThrow();
    }

    private static Grade grade(String id, Answer answer) {
        Grading.check(q(id), answer, FIGURE);
        return Grading.grade(q(id), answer);
    }

    @Test
    void singleChoiceScoresOneForTheKeyAndZeroOtherwise() {
        assertThat(grade("first-single", new Answer.Choices(Set.of("with"))).score()).isEqualTo(1.0);
        assertThat(grade("first-single", new Answer.Choices(Set.of("for"))).score()).isZero();
        assertThat(grade("first-scenario", new Answer.Choices(Set.of("empathy"))).fullyCorrect()).isTrue();
    }

    @Test
    void multipleResponseGivesPartialCreditAndSubtractsWrongTicksButNeverGoesBelowZero() {
        assertThat(grade("first-multi", new Answer.Choices(Set.of("ai", "cb"))).score()).isEqualTo(1.0);
        assertThat(grade("first-multi", new Answer.Choices(Set.of("ai"))).score()).isEqualTo(0.5);
        assertThat(grade("first-multi", new Answer.Choices(Set.of("ai", "cb", "amy"))).score()).isEqualTo(0.5);
        assertThat(grade("first-multi", new Answer.Choices(Set.of("amy"))).score()).isZero();
        assertThat(grade("first-multi", new Answer.Choices(Set.of("ai", "amy"))).partsCorrect())
                .containsEntry("ai", true).containsEntry("amy", false);
    }

    @Test
    void trueFalseScoresTheStatedTruthValue() {
        assertThat(grade("first-tf", new Answer.TrueOrFalse(false)).score()).isEqualTo(1.0);
        assertThat(grade("first-tf", new Answer.TrueOrFalse(true)).score()).isZero();
    }

    @Test
    void matchingScoresTheShareOfPairsMatched() {
        assertThat(grade("first-matching", new Answer.Matches(Map.of("singer", "singer", "fan", "fan"))).score()).isEqualTo(1.0);
        assertThat(grade("first-matching", new Answer.Matches(Map.of("singer", "fan", "fan", "singer"))).score()).isZero();
    }

    @Test
    void categoriseScoresTheShareOfItemsInTheRightCategory() {
        assertThat(grade("first-categorise", new Answer.Categories(Map.of("r1", "empathy", "r2", "compassion"))).score()).isEqualTo(1.0);
        Grade half = grade("first-categorise", new Answer.Categories(Map.of("r1", "empathy", "r2", "empathy")));
        assertThat(half.score()).isEqualTo(0.5);
        assertThat(half.partsCorrect()).containsEntry("r1", true).containsEntry("r2", false);
    }

    @Test
    void orderingScoresTheShareOfNeighbouringPairsInTheRightOrder() {
        assertThat(grade("first-ordering", new Answer.Order(List.of("notice", "feel", "act"))).score()).isEqualTo(1.0);
        assertThat(grade("first-ordering", new Answer.Order(List.of("feel", "notice", "act"))).score()).isCloseTo(0.5, within(1e-9));
        assertThat(grade("first-ordering", new Answer.Order(List.of("act", "feel", "notice"))).score()).isZero();
    }

    @Test
    void hotspotScoresTheRegionClicked() {
        assertThat(grade("first-hotspot", new Answer.Region("insula")).score()).isEqualTo(1.0);
        assertThat(grade("first-hotspot", new Answer.Region("cerebellum")).score()).isZero();
    }

    @Test
    void answersThatDoNotFitTheQuestionAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> Grading.check(q("first-single"), new Answer.Choices(Set.of("made-up")), FIGURE))
                .isInstanceOf(AnswerRejectedException.class).hasMessageContaining("not part of this question");
        assertThatThrownBy(() -> Grading.check(q("first-single"), new Answer.Choices(Set.of("with", "for")), FIGURE))
                .hasMessage("Choose exactly one answer.");
        assertThatThrownBy(() -> Grading.check(q("first-single"), new Answer.TrueOrFalse(true), FIGURE))
                .hasMessage("This answer does not fit a single choice question.");
        assertThatThrownBy(() -> Grading.check(q("first-matching"), new Answer.Matches(Map.of("singer", "singer")), FIGURE))
                .hasMessageContaining("Match every item");
        assertThatThrownBy(() -> Grading.check(q("first-categorise"), new Answer.Categories(Map.of("r1", "empathy", "r2", "pity")), FIGURE))
                .hasMessageContaining("one of the categories");
        assertThatThrownBy(() -> Grading.check(q("first-ordering"), new Answer.Order(List.of("notice", "notice", "act")), FIGURE))
                .hasMessageContaining("in an order");
        assertThatThrownBy(() -> Grading.check(q("first-hotspot"), new Answer.Region("hippocampus"), FIGURE))
                .hasMessageContaining("regions on the figure");
    }
}

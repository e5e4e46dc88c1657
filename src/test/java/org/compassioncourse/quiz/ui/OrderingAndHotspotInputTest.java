package org.compassioncourse.quiz.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.CourseContentLoader;
import org.compassioncourse.content.QuestionType;
import org.compassioncourse.quiz.QuestionFeedback;
import org.compassioncourse.quiz.QuestionPaper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Keyboard focus after ordering moves, and what the hotspot figure shows, without a browser. */
class OrderingAndHotspotInputTest {

    private static final Course COURSE = CourseContentLoader.load(Path.of("src/test/resources/course-fixture"));

    private static QuestionPaper ordering() {
        return new QuestionPaper("q", QuestionType.ORDERING, "Order", null, List.of(), List.of(), List.of(), List.of(),
                List.of(new QuestionPaper.Choice("a", "A"), new QuestionPaper.Choice("b", "B"), new QuestionPaper.Choice("c", "C")), null);
    }

    private static QuestionPaper hotspot() {
        return new QuestionPaper("h", QuestionType.HOTSPOT, "Where?", null, List.of(), List.of(), List.of(), List.of(), List.of(),
                COURSE.figures().getFirst().id());
    }

    private static Button button(Component root, String id) {
        return (Button) root.getElement().getComponent().stream().flatMap(c -> descendants(c).stream())
                .filter(c -> id.equals(c.getId().orElse(null))).findFirst().orElseThrow();
    }

    private static List<Component> descendants(Component c) {
        List<Component> all = new java.util.ArrayList<>(List.of(c));
        c.getChildren().forEach(child -> all.addAll(descendants(child)));
        return all;
    }

    @Test
    void afterAMoveTheFocusStaysOnTheMovedItemsButtonOrItsOtherButtonAtTheEnd() {
        OrderingInput input = new OrderingInput(ordering());

        button(input.component(), "move-down-q-a").click();
        assertThat(input.focusedAfterMove().getId()).contains("move-down-q-a");
        assertThat(input.focusedAfterMove().getParent().orElseThrow().getParent().orElseThrow().getElement().getAttribute("data-item"))
                .as("the buttons sit inside the item they move").isEqualTo("a");

        button(input.component(), "move-down-q-a").click();
        assertThat(input.answer().orElseThrow().toString()).contains("[b, c, a]");
        assertThat(input.focusedAfterMove().getId()).as("at the bottom, Move down is disabled").contains("move-up-q-a");

        button(input.component(), "move-up-q-a").click();
        assertThat(input.focusedAfterMove().getId()).contains("move-up-q-a");

        button(input.component(), "move-up-q-c").click();
        button(input.component(), "move-up-q-c").click();
        assertThat(input.answer().orElseThrow().toString()).contains("[c, b, a]");
        assertThat(input.focusedAfterMove().getId()).as("at the top, Move up is disabled").contains("move-down-q-c");
    }

    @Test
    void everyItemShowsItsPositionNumberWhichFollowsAMove() {
        OrderingInput input = new OrderingInput(ordering());
        assertThat(numbers(input)).containsExactly("1. A", "2. B", "3. C");
        button(input.component(), "move-down-q-a").click();
        assertThat(numbers(input)).containsExactly("1. B", "2. A", "3. C");
    }

    private static List<String> numbers(OrderingInput input) {
        return descendants(input.component()).stream().filter(c -> c instanceof com.vaadin.flow.component.html.ListItem)
                .map(li -> li.getChildren().limit(2).map(c -> c.getElement().getText()).reduce((a, b) -> a + " " + b).orElseThrow())
                .toList();
    }

    @Test
    void aRegionChosenFromTheListIsMarkedOnTheFigureAndTheKeyIsMarkedWithWords() {
        HotspotInput input = new HotspotInput(hotspot(), new CourseFigureSource(COURSE));
        String html = input.component().getElement().getOuterHTML();
        assertThat(html).doesNotContain("mark-yours");

        input.show(new org.compassioncourse.quiz.Answer.Region("insula"));
        html = input.component().getElement().getOuterHTML();
        assertThat(html).contains("region--insula mark-yours").contains("Your answer: Insula");

        input.showResult(new QuestionFeedback("h", 0, false, "Cerebellum", List.of(), "first-lesson", "sharing-pain", "", ""));
        html = input.component().getElement().getOuterHTML();
        assertThat(html).contains("region--insula mark-yours").contains("region--cerebellum mark-correct")
                .contains("Your answer: Insula ✗ (not this one)").contains("Correct answer: Cerebellum");
    }

    @Test
    void theQuestionsFigureHasNoHoverTitlesThatWouldNameTheRegions() {
        String svg = new CourseFigureSource(COURSE).svg(COURSE.figures().getFirst().id());

        assertThat(svg).doesNotContain("<title").doesNotContain(" title=").doesNotContain("aria-labelledby")
                .contains("data-region=\"insula\"");
        assertThat(COURSE.figures().getFirst().svg()).as("lessons keep them").contains("<title");
    }
}

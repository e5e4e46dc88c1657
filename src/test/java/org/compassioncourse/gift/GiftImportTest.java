package org.compassioncourse.gift;

import org.compassioncourse.content.ContentProblem;
import org.compassioncourse.content.CourseContentLoader;
import org.compassioncourse.content.InvalidCourseContentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Importing a Moodle author's GIFT into course-content: what can be represented is written, the rest is reported. */
class GiftImportTest {

    @Test
    void moodleFileIsWrittenAsYamlThatTheLoaderReadsAndOnlyWhatTheReportListsIsMissing(@TempDir Path temp) throws Exception {
        Path content = GiftRoundTripTest.copyWithoutQuizzes(temp.resolve("content"));
        Path gift = temp.resolve("constructs.gift");
        Files.write(gift, GiftReaderTest.resource("moodle-constructs.gift"));

        GiftImport.importInto(gift, content, "constructs");

        String report = Files.readString(GiftImport.reportPath(content, "constructs"));
        assertThat(report).contains("9 questions written, 6 not imported")
                .contains("line 39: essay \"essay\"", "line 41: numerical \"numeric\"", "line 43: short answer \"short\"",
                        "line 45: missing word \"missing\"", "line 47: description \"description\"",
                        "line 22: distractor \"heart rate\"")
                .contains("line 6 (single): section, objective, use")
                .contains("line 18 (match): section, objective, use, feedback for 'p1', feedback for 'p2', feedback for 'p3'")
                .contains("lesson 'empathy-and-the-brain' taken from the category $course$/top/empathy-and-the-brain")
                .contains("line 37 (gift-line-37): section, objective, use")
                .contains("option 'b' earned 50% in Moodle")
                .contains("the text is in html format");
        String yaml = Files.readString(content.resolve("quizzes/constructs.yaml"));
        assertThat(yaml).contains("  type: multiple-response\n").contains("  answer: [a, b]\n")
                .contains("  stem: \"Special characters ~ = # { } : and a backslash \\\\ stay in the text,\\nand \\\\n starts a new line.\"")
                .doesNotContain("section:").doesNotContain("objective:").doesNotContain("blueprint:");

        InvalidCourseContentException refused = catchThrowableOfType(InvalidCourseContentException.class,
                () -> CourseContentLoader.loadWithoutItemWritingRules(content));
        assertThat(refused).as("the loader refuses the bank until the author adds what the report lists").isNotNull();
        for (ContentProblem problem : refused.problems()) {
            assertThat(problem.file()).isEqualTo("quizzes/constructs.yaml");
            // a pair without its feedback is not read, so the loader also counts too few pairs: the same missing feedback
            assertThat(problem.message()).matches("missing required field '(section|objective|use|feedback)'"
                    + "|a matching question needs at least two pairs");
        }
    }

    @Test
    void aChoiceWithNoFullMarkAnswerGetsNoInventedKey() throws Exception {
        GiftImport.Result result = GiftImport.convert("::nokey::Which one?{~a#No. ~b#No either.}".getBytes(StandardCharsets.UTF_8));

        assertThat(result.yaml()).doesNotContain("answer:");
        assertThat(result.toAdd()).singleElement().asString().contains("the key (answer): no option earns full marks");
    }

    @Test
    void ourOwnCommentLinesBringBackLessonSectionObjectiveAndIds() throws Exception {
        String gift = """
                // cc: type=single-choice lesson=empathy-and-the-brain section=s objective=2 use=assessment blueprint=slot ids=yes,no
                ::eb-99::[markdown]Pick one.{=Yes#Right. ~No#Wrong.}
                """;
        GiftImport.Result result = GiftImport.convert(gift.getBytes(StandardCharsets.UTF_8));

        assertThat(result.toAdd()).isEmpty();
        assertThat(result.yaml()).contains("- id: eb-99\n  lesson: empathy-and-the-brain\n  section: s\n  objective: 2\n  use: assessment\n"
                + "  blueprint: slot\n  type: single-choice\n").contains("    - id: yes\n").contains("  answer: yes\n");
    }

    @Test
    void aFileThatDoesNotParseWritesNothing(@TempDir Path content) throws Exception {
        Path gift = content.resolve("broken.gift");
        Files.write(gift, GiftReaderTest.resource("unbalanced-braces.gift"));

        assertThatThrownBy(() -> GiftImport.importInto(gift, content, "broken")).isInstanceOf(GiftParseException.class);
        assertThat(content.resolve("quizzes")).doesNotExist();
        assertThat(List.of(Files.list(content).toArray())).hasSize(1);
    }
}

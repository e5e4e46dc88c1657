package org.compassioncourse.content;

import org.compassioncourse.support.FixtureCourse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The question bank in quizzes/: every type is read, and every kind of mistake is reported with file and line. */
class QuestionBankTest {

    private static final String QUIZ = "quizzes/01-first.yaml";

    @TempDir
    Path dir;

    private void copyFixture() {
        FixtureCourse.copyTo(dir);
    }

    private void replace(String from, String to) {
        FixtureCourse.replace(dir, QUIZ, from, to);
    }

    private List<String> problems() {
        return FixtureCourse.problemsLoading(dir);
    }

    @Test
    void everyQuestionTypeIsReadWithItsKeyAndFeedback() {
        copyFixture();
        Course course = CourseContentLoader.load(dir);

        assertThat(course.questions()).extracting(Question::type).containsExactly(QuestionType.SINGLE_CHOICE,
                QuestionType.MULTIPLE_RESPONSE, QuestionType.TRUE_FALSE, QuestionType.SCENARIO, QuestionType.MATCHING,
                QuestionType.CATEGORISE, QuestionType.ORDERING, QuestionType.HOTSPOT);
        Question multi = course.question("first-multi").orElseThrow();
        assertThat(((Question.Choice) multi.body()).correct()).containsExactly("ai", "cb");
        Question hotspot = course.question("first-hotspot").orElseThrow();
        assertThat(((Question.Hotspot) hotspot.body()).regionFeedback()).containsEntry("cerebellum", "That is the cerebellum, at the back.");
        assertThat(course.question("first-scenario").orElseThrow().scenario()).startsWith("A nurse feels");
        assertThat(course.question("first-tf").orElseThrow().blueprint()).isEqualTo("shared-pain");
        assertThat(course.quiz(QuizSettings.Kind.FINAL_ASSESSMENT).cooldownMinutes()).isEqualTo(30);
        assertThat(course.quiz(QuizSettings.Kind.PRE_TEST).counts()).isEqualTo(QuizSettings.CountingRule.FIRST);
    }

    @Test
    void optionWithoutFeedbackIsReported() {
        copyFixture();
        replace("      feedback: Right - empathy shares the other person's state.\n", "");
        assertThat(problems()).containsExactly(QUIZ + ":11: missing required field 'feedback'");
    }

    @Test
    void keyThatIsNotAmongTheOptionsIsReported() {
        copyFixture();
        replace("  answer: with", "  answer: within");
        assertThat(problems()).containsExactly(QUIZ + ":17: the key 'within' is not among the options [with, for]");
    }

    @Test
    void hotspotOnARegionTheFigureDoesNotDrawIsReported() {
        copyFixture();
        replace("  answer: insula\n", "  answer: amygdala\n");
        assertThat(problems()).containsExactly(QUIZ + ":136: hotspot answer 'amygdala' is not a region of figure 'brain-test'");
    }

    @Test
    void duplicateQuestionIdsAreReported() {
        copyFixture();
        replace("- id: first-multi", "- id: first-single");
        assertThat(problems()).containsExactly(QUIZ + ":18: duplicate question id 'first-single' (also in " + QUIZ + ")");
    }

    @Test
    void questionLinkedToAMissingSectionOrObjectiveIsReported() {
        copyFixture();
        replace("  section: sharing-pain\n  objective: 1\n  reference: singer2004\n  use: knowledge-check\n  distinction: true\n  type: single-choice",
                "  section: no-such-section\n  objective: 4\n  reference: singer2004\n  use: knowledge-check\n  distinction: true\n  type: single-choice");
        assertThat(problems()).containsExactlyInAnyOrder(
                QUIZ + ":3: lesson 'first-lesson' has no section 'no-such-section'",
                QUIZ + ":4: lesson 'first-lesson' has only 1 objectives");
    }

    @Test
    void questionWhoseKeyRestsOnTheChaptersOwnReasoningNeedsNoReferenceButAnUnknownOneIsReported() {
        copyFixture();
        replace("  objective: 1\n  reference: singer2004\n  use: knowledge-check\n  distinction: true\n  type: single-choice",
                "  objective: 1\n  use: knowledge-check\n  distinction: true\n  type: single-choice");
        Course course = CourseContentLoader.load(dir);
        assertThat(course.questions().getFirst().referenceId()).isNull();

        replace("  objective: 1\n  use: knowledge-check\n  distinction: true\n  type: single-choice",
                "  objective: 1\n  reference: nobody2020\n  use: knowledge-check\n  distinction: true\n  type: single-choice");
        assertThat(problems()).containsExactly(QUIZ + ":5: reference 'nobody2020' is not in references.yaml");
    }

    @Test
    void assessmentBlueprintSlotWithoutAParallelQuestionIsReported() {
        copyFixture();
        replace("  blueprint: shared-pain\n  distinction: true", "  blueprint: shared-pain-2\n  distinction: true");
        assertThat(problems()).containsExactlyInAnyOrder(
                QUIZ + ":37: blueprint slot 'shared-pain' has only one question; the pre-test and the final assessment need two parallel questions per slot",
                QUIZ + ":50: blueprint slot 'shared-pain-2' has only one question; the pre-test and the final assessment need two parallel questions per slot");
    }

    @Test
    void unknownQuestionTypeNamesTheTypesThatExist() {
        copyFixture();
        replace("  type: ordering", "  type: sorting");
        assertThat(problems()).singleElement().asString().contains("unknown question type 'sorting' (use one of: single-choice");
    }

    @Test
    void categoriseItemInACategoryThatDoesNotExistIsReported() {
        copyFixture();
        replace("      category: compassion\n", "      category: sympathy\n");
        assertThat(problems()).singleElement().asString().contains("the key 'sympathy' is not among the categories");
    }
}

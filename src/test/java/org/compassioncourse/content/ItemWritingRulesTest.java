package org.compassioncourse.content;

import org.compassioncourse.support.FixtureCourse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The item-writing rules as the loader applies them: the fixture course with a small bank that meets every rule
 * (src/test/resources/item-writing/passing-bank.yaml) at version 4, broken one rule at a time.
 */
class ItemWritingRulesTest {

    private static final String QUIZ = "quizzes/01-first.yaml";

    @TempDir
    Path dir;

    @BeforeEach
    void passingBankAtVersion4() throws IOException {
        FixtureCourse.copyTo(dir);
        Files.copy(Path.of("src/test/resources/item-writing/passing-bank.yaml"), dir.resolve(QUIZ),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        FixtureCourse.replace(dir, "course.yaml", "version: 3", "version: 4");
    }

    private void replace(String from, String to) {
        FixtureCourse.replace(dir, QUIZ, from, to);
    }

    private List<String> problems() {
        return FixtureCourse.problemsLoading(dir);
    }

    @Test
    void aBankThatMeetsEveryRuleLoadsWithoutWarnings() {
        CourseContentLoader.Loaded loaded = CourseContentLoader.loadAll(dir);

        assertThat(loaded.warnings()).isEmpty();
        ItemWritingRules.Report report = ItemWritingRules.check(loaded.course().questions());
        assertThat(report.findings()).isEmpty();
        assertThat(report.assessment().singleAnswerItems()).isEqualTo(4);
        assertThat(report.assessment().keyLongest()).isZero();
        assertThat(report.slotMixes()).containsExactly(java.util.Map.entry("single-choice", 1));
    }

    @Test
    void keyLongestInMoreThan30PercentOfSingleAnswerItemsIsRefused() {
        replace("      text: Primary visual cortex\n", "      text: Visual cortex\n");
        replace("      text: Cerebellar vermis\n", "      text: Cerebellum\n");
        replace("      text: Twenty patient diaries\n", "      text: Patient diaries\n");

        assertThat(problems()).containsExactly("quizzes/: the key is the longest option in 2 of 4 single-answer assessment items (50%); "
                + "at most 30% (1) may have it: shorten keys or lengthen distractors in some of iw-region (" + QUIZ + ":2), iw-pooled ("
                + QUIZ + ":40)");
    }

    @Test
    void keyMoreThanOneAndAHalfTimesItsDistractorsIsRefusedAtTheKeysLine() {
        replace("      text: Forty imaging studies\n", "      text: Forty imaging studies of empathy in one analysis\n");

        assertThat(problems()).containsExactly(QUIZ + ":49: the key 'forty' of iw-pooled is 2.34× the mean length of its distractors "
                + "(48 against 20.5 characters); at most 1.5×: trim the key or give each distractor an equally specific clause");
    }

    @Test
    void absoluteWordsOnlyInDistractorsAreRefused() {
        replace("      text: Lesion mapping\n", "      text: Lesion mapping, always\n");

        assertThat(problems()).containsExactly("quizzes/: absolute words (never, always, proves …) are in 0% of keys (0 of 4) and 13% of "
                + "distractors (1 of 8) of assessment items, 13 points apart; at most 10 points are allowed: write some firm keys and "
                + "some hedged distractors; items with absolute words only in distractors: iw-method (" + QUIZ + ":21)");
    }

    @Test
    void hedgesOnlyInKeysAreRefused() {
        replace("      text: Compassion\n", "      text: May be compassion\n");

        assertThat(problems()).containsExactly("quizzes/: hedges (may, might, not necessarily …) are in 25% of keys (1 of 4) and 0% of "
                + "distractors (0 of 8) of assessment items, 25 points apart; at most 10 points are allowed: write some firm keys and "
                + "some hedged distractors; items with hedges only in keys: iw-state (" + QUIZ + ":59)");
    }

    @Test
    void noneOfTheAboveIsRefusedAtTheOptionsLine() {
        replace("      text: Cerebellar vermis\n", "      text: None of the above\n");

        // "none" is an absolute word too, so the bank's certainty figures are off as well
        assertThat(problems()).contains(QUIZ + ":17: option 'vermis' of iw-region says \"None of the above\", which can be "
                + "answered by logic about the other options; write a real answer instead");
    }

    @Test
    void trueFalseItemInTheAssessmentIsRefused() {
        replace("- id: iw-check\n", """
                - id: iw-true-false
                  lesson: first-lesson
                  section: sharing-pain
                  objective: 1
                  use: assessment
                  blueprint: shared-pain
                  type: true-false
                  stem: Singer and colleagues scanned couples.
                  answer: true
                  feedback:
                    true: Right.
                    false: They did.
                - id: iw-check
                """);

        assertThat(problems()).containsExactly(QUIZ + ":78: iw-true-false is a true/false item in the pre-test and final: a 50% guess "
                + "that scores 1 or 0; keep it as a knowledge check, or ask it as a single-choice item with near-miss options");
    }

    @Test
    void slotMixingAllOrNothingWithPartialCreditIsRefused() {
        replace("  type: single-choice\n  stem: Which state adds the wish to help?", "  type: multiple-response\n  stem: Which state adds the wish to help?");
        replace("  answer: compassion\n", "  answer: [compassion]\n");

        assertThat(problems()).containsExactly(QUIZ + ":2: blueprint slot 'shared-pain' holds 2 formats: single-choice (1 or 0), "
                + "multiple-response (partial credit); a slot may hold at most 2 formats that score alike (all 1-or-0, or all partial "
                + "credit), so every draw weighs the same");
    }

    @Test
    void slotWithFewerThanFourItemsIsRefused() throws IOException {
        String bank = Files.readString(dir.resolve(QUIZ));
        String withoutState = bank.substring(0, bank.indexOf("- id: iw-state")) + bank.substring(bank.indexOf("- id: iw-check"));
        Files.writeString(dir.resolve(QUIZ), withoutState);

        assertThat(problems()).containsExactly(QUIZ + ":2: blueprint slot 'shared-pain' has 3 items; it needs at least 4 parallel "
                + "items, so a pre-test and three finals never repeat one");
    }

    @Test
    void aStemWordThatOnlyTheKeyRepeatsIsRefusedAtTheKeysLine() {
        replace("      text: Anterior insula\n", "      text: The insular region\n");

        assertThat(problems()).containsExactly(QUIZ + ":11: only the key 'insula' of iw-region repeats 'region' from the stem; "
                + "paraphrase it in the key, or use it in a distractor too");
    }

    @Test
    void aStemWordThatADistractorAlsoRepeatsIsNoCue() {
        replace("      text: Anterior insula\n", "      text: The insular region\n");
        replace("      text: Cerebellar vermis\n", "      text: A cerebellar region\n");

        assertThat(CourseContentLoader.loadAll(dir).warnings()).isEmpty();
    }

    @Test
    void aKnowledgeCheckThatBreaksARuleIsAWarningNotARefusal() {
        replace("      text: Feeling for someone\n", "      text: None of these apply\n");

        CourseContentLoader.Loaded loaded = CourseContentLoader.loadAll(dir);

        assertThat(loaded.warnings()).extracting(ContentProblem::toString).contains(QUIZ + ":89: option 'for' of iw-check "
                + "says \"None of these\", which can be answered by logic about the other options; write a real answer instead");
    }

    @Test
    void beforeVersion4ABankThatBreaksTheRulesLoadsWithOneWarningThatCountsTheFindings() {
        FixtureCourse.replace(dir, "course.yaml", "version: 4", "version: 3");
        replace("      text: Cerebellar vermis\n", "      text: None of the above\n");

        CourseContentLoader.Loaded loaded = CourseContentLoader.loadAll(dir);

        assertThat(loaded.warnings()).extracting(ContentProblem::toString).containsExactly("course.yaml: version 3 predates the "
                + "item-writing rules, which apply from version 4; the bank has 2 findings (2 on assessment items); list them with "
                + "./mvnw -q test-compile exec:java@lint-content");
    }

    @Test
    void certaintyWordsAreMatchedAsWholeWordsAndPhrases() {
        assertThat(ItemWritingRules.matches("It cannot show cause; it is not necessarily so", ItemWritingRules.HEDGE_WORDS))
                .containsExactly("not necessarily");
        assertThat(ItemWritingRules.matches("Always, and in every study", ItemWritingRules.ABSOLUTE_WORDS))
                .containsExactly("always", "every");
        assertThat(ItemWritingRules.matches("Overall, a smaller sample", ItemWritingRules.ABSOLUTE_WORDS)).isEmpty();
    }

    @Test
    void contentWordsDropShortAndStopWordsAndFoldPlurals() {
        assertThat(ItemWritingRules.contentWords("Which studies of the patient's regions show compassion?"))
                .containsExactly("study", "patient", "region", "compassion");
    }
}

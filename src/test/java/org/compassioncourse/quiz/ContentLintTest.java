package org.compassioncourse.quiz;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.CourseContentLoader;
import org.compassioncourse.content.Question;
import org.compassioncourse.support.FixtureCourse;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The author's summary (./mvnw -q test-compile exec:java@lint-content) and the test-wise learner it reports on. */
class ContentLintTest {

    private static final String QUIZ = "quizzes/01-first.yaml";

    @TempDir
    Path dir;

    private Path passingBank(int version) throws IOException {
        FixtureCourse.copyTo(dir);
        Files.copy(Path.of("src/test/resources/item-writing/passing-bank.yaml"), dir.resolve(QUIZ), StandardCopyOption.REPLACE_EXISTING);
        FixtureCourse.replace(dir, "course.yaml", "version: 3", "version: " + version);
        return dir;
    }

    private static String run(Path folder, boolean enforce, int[] exitCode) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        exitCode[0] = ContentLint.run(folder, enforce, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBankThatMeetsTheRulesPassesWithItsFiguresPrinted() throws IOException {
        int[] exit = new int[1];
        String out = run(passingBank(4), false, exit);

        assertThat(exit[0]).isZero();
        assertThat(out).contains("key is the longest option: 0 of 4 single-answer items (0%; rule: at most 30%)")
                .contains("test-wise (longest option, skipping absolute words): mean score")
                .contains("OK: the assessment items meet the rules.");
    }

    @Test
    void anEnforcedBankThatBreaksARuleFailsWithTheFindingsFileAndLine() throws IOException {
        passingBank(4);
        FixtureCourse.replace(dir, QUIZ, "      text: Cerebellar vermis\n", "      text: None of the above\n");
        int[] exit = new int[1];
        String out = run(dir, false, exit);

        assertThat(exit[0]).isEqualTo(1);
        assertThat(out).contains("  " + QUIZ + ":17: option 'vermis' of iw-region says \"None of the above\"").contains("FAILED");
    }

    @Test
    void aBankBeforeVersion4PassesUnlessJudgedAsEnforced() throws IOException {
        passingBank(3);
        FixtureCourse.replace(dir, QUIZ, "      text: Cerebellar vermis\n", "      text: None of the above\n");
        int[] exit = new int[1];

        assertThat(run(dir, false, exit)).contains("OK for now: not enforced before version 4.");
        assertThat(exit[0]).isZero();
        run(dir, true, exit);
        assertThat(exit[0]).isEqualTo(1);
    }

    @Test
    void theTestWiseLearnerSkipsAbsoluteOptionsAndPicksTheLongestOfTheRest() throws IOException {
        passingBank(4);
        FixtureCourse.replace(dir, QUIZ, "      text: Primary visual cortex\n", "      text: Always the primary visual cortex\n");
        Course course = CourseContentLoader.loadWithoutItemWritingRules(dir);
        Question region = course.question("iw-region").orElseThrow();

        Answer answer = new TestWiseSimulation(course).testWise(region, new Random(1));

        assertThat(answer).isEqualTo(new Answer.Choices(java.util.Set.of("vermis")));
    }

    /** The bar for the rewritten bank: reading the options' form is worth at most a few points. */
    @Test
    void onTheShippedBankATestWiseLearnerBeatsChanceByAtMostFivePointsOnceTheRulesApply() {
        Course course = CourseContentLoader.loadWithoutItemWritingRules(Path.of("course-content"));
        Assumptions.assumeTrue(course.version() >= org.compassioncourse.content.ItemWritingRules.ENFORCED_FROM_VERSION,
                "the shipped bank predates the item-writing rules");
        TestWiseSimulation simulation = new TestWiseSimulation(course);
        double testWise = simulation.run(TestWiseSimulation.Strategy.TEST_WISE, 2000, 1).meanScore();
        double chance = simulation.run(TestWiseSimulation.Strategy.GUESS, 2000, 1).meanScore();

        assertThat(testWise - chance).as("points a test-wise learner gains over guessing").isLessThanOrEqualTo(5.0);
        assertThat(List.of(testWise, chance)).allMatch(score -> score < course.passMark());
    }
}

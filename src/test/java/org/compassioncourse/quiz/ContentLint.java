package org.compassioncourse.quiz;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.CourseContentLoader;
import org.compassioncourse.content.InvalidCourseContentException;
import org.compassioncourse.content.ItemWritingRules;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The item-writing summary an author runs on its own: {@code ./mvnw -q test-compile exec:java@lint-content}
 * (another folder: {@code -Dexec.args=path/to/course-content}; add {@code --enforce} to judge a bank as if its version
 * were already {@value ItemWritingRules#ENFORCED_FROM_VERSION}). Prints each rule's figures, every finding as
 * file:line, and what learners who know nothing score on the final; exits non-zero when the app would refuse the
 * bank. It lives with the tests because the simulated learners sit the final through the quiz feature's draw and
 * grading.
 */
public final class ContentLint {

    static final int SITTINGS = 10_000;

    private ContentLint() {
    }

    public static void main(String[] args) {
        Path folder = Path.of("course-content");
        boolean forceEnforce = false;
        for (String arg : args) {
            if (arg.equals("--enforce")) {
                forceEnforce = true;
            } else {
                folder = Path.of(arg);
            }
        }
        System.exit(run(folder, forceEnforce, System.out));
    }

    /** Prints the summary; returns the exit code: 0, or 1 when the bank (or the rest of the content) would be refused. */
    static int run(Path folder, boolean forceEnforce, PrintStream out) {
        Course course;
        try {
            course = CourseContentLoader.loadWithoutItemWritingRules(folder);
        } catch (InvalidCourseContentException invalid) {
            out.println(invalid.getMessage());
            return 1;
        }
        ItemWritingRules.Report report = ItemWritingRules.check(course.questions());
        boolean enforced = forceEnforce || course.version() >= ItemWritingRules.ENFORCED_FROM_VERSION;
        out.printf("Item-writing rules for %s (version %d, %s): %d questions%n", folder, course.version(),
                course.version() >= ItemWritingRules.ENFORCED_FROM_VERSION ? "enforced"
                        : forceEnforce ? "judged as enforced (--enforce)"
                        : "not enforced: the rules apply from version " + ItemWritingRules.ENFORCED_FROM_VERSION,
                course.questions().size());
        printFigures(out, report.assessment(), "Assessment (pre-test and final)");
        out.printf("  slots: %d; per format mix:%n", report.slots());
        report.slotMixes().forEach((mix, n) -> out.printf("    %-60s %d%n", mix, n));
        out.printf("  slots mixing 1-or-0 with partial credit: %d; slots with true/false: %d%n", report.slotsMixingScoring(),
                report.slotMixes().entrySet().stream().filter(e -> e.getKey().contains("true-false")).mapToInt(Map.Entry::getValue).sum());
        printFigures(out, report.knowledgeChecks(), "Knowledge checks");

        out.println();
        out.println("Findings per rule (assessment / knowledge checks):");
        for (ItemWritingRules.Rule rule : ItemWritingRules.Rule.values()) {
            out.printf("  %-55s %3d / %d%n", rule.summary(), count(report.findings(Question.Use.ASSESSMENT), rule),
                    count(report.findings(Question.Use.KNOWLEDGE_CHECK), rule));
        }
        List<ItemWritingRules.Finding> errors = report.findings(Question.Use.ASSESSMENT);
        out.println();
        out.printf("%s (%d):%n", enforced ? "Errors: assessment items (the app refuses to start)" : "Assessment items (errors once enforced)", errors.size());
        errors.forEach(f -> out.println("  " + f));
        List<ItemWritingRules.Finding> warnings = report.findings(Question.Use.KNOWLEDGE_CHECK);
        out.printf("Warnings: knowledge checks (%d):%n", warnings.size());
        warnings.forEach(f -> out.println("  " + f));

        if (course.questions().stream().anyMatch(q -> q.use() == Question.Use.ASSESSMENT)) {
            printSimulations(course, out);
        }
        out.println();
        if (enforced && !errors.isEmpty()) {
            out.printf("FAILED: %d findings on assessment items.%n", errors.size());
            return 1;
        }
        out.println(errors.isEmpty() ? "OK: the assessment items meet the rules." : "OK for now: not enforced before version "
                + ItemWritingRules.ENFORCED_FROM_VERSION + ".");
        return 0;
    }

    private static void printFigures(PrintStream out, ItemWritingRules.Figures f, String title) {
        out.println();
        out.println(title + ":");
        out.printf("  key is the longest option: %d of %d single-answer items (%.0f%%; rule: at most %.0f%%)%n", f.keyLongest(),
                f.singleAnswerItems(), f.shareKeyLongest() * 100, ItemWritingRules.MAX_SHARE_KEY_LONGEST * 100);
        out.printf("  mean key/distractor length ratio: %.2f; keys over %.1f× their distractors: %d%n", f.meanKeyToDistractorLength(),
                ItemWritingRules.MAX_KEY_TO_DISTRACTOR_LENGTH, f.keysOverLengthLimit());
        certainty(out, "absolute words", f.absolutes());
        certainty(out, "hedges", f.hedges());
        out.printf("  items with absolute words only in distractors: %d; with hedges only in keys: %d%n",
                f.itemsWithAbsolutesOnlyInDistractors(), f.itemsWithHedgesOnlyInKeys());
    }

    private static void certainty(PrintStream out, String what, ItemWritingRules.Certainty c) {
        out.printf("  %s: keys %d of %d (%.0f%%), distractors %d of %d (%.0f%%): %.0f points apart (rule: at most %.0f)%n", what,
                c.keysWith(), c.keys(), c.keyShare() * 100, c.distractorsWith(), c.distractors(), c.distractorShare() * 100,
                c.gapPoints(), ItemWritingRules.MAX_CERTAINTY_GAP_POINTS);
    }

    private static long count(List<ItemWritingRules.Finding> findings, ItemWritingRules.Rule rule) {
        return findings.stream().filter(f -> f.rule() == rule).count();
    }

    private static void printSimulations(Course course, PrintStream out) {
        TestWiseSimulation simulation = new TestWiseSimulation(course);
        TestWiseSimulation.Result testWise = simulation.run(TestWiseSimulation.Strategy.TEST_WISE, SITTINGS, 1);
        TestWiseSimulation.Result chance = simulation.run(TestWiseSimulation.Strategy.GUESS, SITTINGS, 1);
        out.println();
        out.printf("Learners who know nothing, one final each, %,d draws of the blueprint (pass mark %d%%):%n", SITTINGS, course.passMark());
        out.printf("  test-wise (longest option, skipping absolute words): mean score %.1f%%, pass rate %.2f%%%n",
                testWise.meanScore(), testWise.passRate() * 100);
        out.printf("  pure guess:                                          mean score %.1f%%, pass rate %.2f%%%n",
                chance.meanScore(), chance.passRate() * 100);
        out.printf("  test-wiseness gains %.1f points over chance%n", testWise.meanScore() - chance.meanScore());
        EliminationSimulation elimination = new EliminationSimulation(course);
        int limit = course.quiz(QuizSettings.Kind.FINAL_ASSESSMENT).maxAttempts();
        double eliminated = elimination.shareWhoPass(EliminationSimulation.DrawRule.LEAST_RECENTLY_SEEN,
                EliminationSimulation.Disclosure.ADVICE_PER_LESSON, limit == 0 ? 10 : limit, 1);
        out.printf("  elimination (%,d guessers using every result page, %s attempts): %.1f%% pass%n", EliminationSimulation.LEARNERS,
                limit == 0 ? "10" : String.valueOf(limit), eliminated * 100);
    }
}

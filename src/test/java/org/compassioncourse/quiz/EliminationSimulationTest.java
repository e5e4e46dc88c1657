package org.compassioncourse.quiz;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.CourseContentLoader;
import org.compassioncourse.content.QuizSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.compassioncourse.quiz.EliminationSimulation.Disclosure.ADVICE_PER_LESSON;
import static org.compassioncourse.quiz.EliminationSimulation.Disclosure.VERDICT_PER_QUESTION;
import static org.compassioncourse.quiz.EliminationSimulation.DrawRule.AVOID_PRE_TEST_ONLY;
import static org.compassioncourse.quiz.EliminationSimulation.DrawRule.LEAST_RECENTLY_SEEN;

/**
 * Can the shipped final assessment be passed by elimination? 1,000 simulated learners who know nothing answer at
 * random, remember everything each result page shows them and use it, and retake the final as often as allowed.
 * They run on the real question bank, the real draw rule ({@link AssessmentDraw}), the real grading ({@link Grading})
 * and the real result rule ({@link StudyAdvice}) ({@link EliminationSimulation}); what the simulation leaves out is
 * only the database and the clock.
 * For comparison it also runs the rules the course had before: the draw avoided only the pre-test's questions and
 * each result marked every question right or wrong.
 */
class EliminationSimulationTest {

    /** The shipped course; -Dsimulation.content-dir=... runs the same learners on another course folder (e.g. an older bank). */
    private static final Course COURSE = CourseContentLoader.load(Path.of(System.getProperty("simulation.content-dir", "course-content")));
    private static final int LEARNERS = EliminationSimulation.LEARNERS;
    private static final EliminationSimulation SIMULATION = new EliminationSimulation(COURSE);
    private static final int UNLIMITED_MEANS = 10;

    @Test
    void aLearnerWhoKnowsNothingAndGuessesAlmostNeverPassesTheFinal() {
        int limit = COURSE.quiz(QuizSettings.Kind.FINAL_ASSESSMENT).maxAttempts();
        double limited = SIMULATION.shareWhoPass(LEAST_RECENTLY_SEEN, ADVICE_PER_LESSON, limit == 0 ? UNLIMITED_MEANS : limit, 1);
        double unlimited = SIMULATION.shareWhoPass(LEAST_RECENTLY_SEEN, ADVICE_PER_LESSON, UNLIMITED_MEANS, 2);
        double before = SIMULATION.shareWhoPass(AVOID_PRE_TEST_ONLY, VERDICT_PER_QUESTION, UNLIMITED_MEANS, 3);
        System.out.printf("elimination simulation: %d learners who know nothing, %d assessment questions in %d slots, pass mark %d%%%n",
                LEARNERS, SIMULATION.pool().size(), SIMULATION.slots(), COURSE.passMark());
        System.out.printf("  course rules (maxAttempts %s): %.1f%% pass%n", limit == 0 ? "unlimited" : limit, limited * 100);
        System.out.printf("  course rules with %d attempts (as if unlimited): %.1f%% pass%n", UNLIMITED_MEANS, unlimited * 100);
        System.out.printf("  earlier rules (draw avoids the pre-test only, right/wrong per question), %d attempts: %.1f%% pass%n",
                UNLIMITED_MEANS, before * 100);

        assertThat(limited).as("share who pass under the course's attempt limit").isLessThan(0.05);
        assertThat(unlimited).as("share who pass with 10 attempts").isLessThan(0.05);
    }

    @Test
    void theSimulatedLearnerDoesExploitVerdictsWhenTheyAreShown() {
        // the learner model must be strong enough to matter: shown verdicts on repeated questions, it learns to pass
        double shown = SIMULATION.shareWhoPass(AVOID_PRE_TEST_ONLY, VERDICT_PER_QUESTION, 30, 4);
        assertThat(shown).isGreaterThan(0.5);
    }
}

package org.compassioncourse.quiz;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counted result is decided by one rule and stored with each submission; the stored row equals what the rule
 * gives the learner's own pages, and the start-up backfill writes the same row from the attempts alone.
 */
@ApplicationTest
class CountedResultsTest {

    @Autowired
    Learners people;
    @Autowired
    ProgressService progress;
    @Autowired
    QuizAvailability quizAvailability;
    @Autowired
    QuizAttempts quizAttempts;
    @Autowired
    QuizResults quizResults;
    @Autowired
    Course course;
    @Autowired
    CountedResults countedResults;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void highestFirstAndLastPickTheAttemptTheRuleNamesAndATieGoesToTheEarlierAttempt() {
        List<double[]> attempts = List.of(new double[]{1, 60}, new double[]{2, 90}, new double[]{3, 90}, new double[]{4, 40});
        assertThat(CountedResults.counted(QuizSettings.CountingRule.HIGHEST, attempts, a -> a[1], a -> false).orElseThrow()[0]).isEqualTo(2);
        assertThat(CountedResults.counted(QuizSettings.CountingRule.FIRST, attempts, a -> a[1], a -> false).orElseThrow()[0]).isEqualTo(1);
        assertThat(CountedResults.counted(QuizSettings.CountingRule.LAST, attempts, a -> a[1], a -> false).orElseThrow()[0]).isEqualTo(4);
        assertThat(CountedResults.counted(QuizSettings.CountingRule.LAST, List.<double[]>of(), a -> a[1], a -> false)).isEmpty();
    }

    @Test
    void onceAnAttemptPassedTheRuleChoosesAmongThePassedOnesSoFirstMeansTheFirstPassAndPassedMeansPassedUnderEveryRule() {
        // final attempts oldest first: failed 60, passed 85, passed 80, failed 40 (pass mark 80)
        List<double[]> attempts = List.of(new double[]{1, 60}, new double[]{2, 85}, new double[]{3, 80}, new double[]{4, 40});
        java.util.function.Predicate<double[]> passed = a -> a[1] >= 80;
        assertThat(CountedResults.counted(QuizSettings.CountingRule.FIRST, attempts, a -> a[1], passed).orElseThrow()[0])
                .as("first: the first attempt that passed, not the failed first attempt").isEqualTo(2);
        assertThat(CountedResults.counted(QuizSettings.CountingRule.LAST, attempts, a -> a[1], passed).orElseThrow()[0])
                .as("last: the last attempt that passed").isEqualTo(3);
        assertThat(CountedResults.counted(QuizSettings.CountingRule.HIGHEST, attempts, a -> a[1], passed).orElseThrow()[0]).isEqualTo(2);
        for (QuizSettings.CountingRule rule : QuizSettings.CountingRule.values()) {
            assertThat(CountedResults.passed(rule, attempts, a -> a[1], passed)).as("passed under %s", rule).isTrue();
            assertThat(CountedResults.passed(rule, List.of(attempts.getFirst()), a -> a[1], passed)).as("one failed attempt under %s", rule).isFalse();
        }
        List<double[]> failedTwice = List.of(new double[]{1, 60}, new double[]{2, 70});
        assertThat(CountedResults.counted(QuizSettings.CountingRule.FIRST, failedTwice, a -> a[1], passed).orElseThrow()[0])
                .as("no pass yet: the rule over every attempt").isEqualTo(1);
    }

    @Test
    void theStoredResultIsWhatTheRuleGivesAndTheBackfillWritesTheSameRow() {
        CurrentUser learner = people.learner("Counted Carla");
        Learners.actAs(learner);
        String lesson = course.lessons().getFirst().id();
        // knowledge checks and the final count the highest attempt (the pre-test is taken once)
        people.take(QuizSettings.Kind.PRE_TEST, null, false, 1000);
        people.take(QuizSettings.Kind.KNOWLEDGE_CHECK, lesson, false, 1000);
        people.take(QuizSettings.Kind.KNOWLEDGE_CHECK, lesson, true, 1000);
        people.take(QuizSettings.Kind.KNOWLEDGE_CHECK, lesson, false, 1000);
        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 1000);

        AttemptResult pre = quizResults.countingResult(QuizSettings.Kind.PRE_TEST).orElseThrow();
        AttemptResult fin = quizResults.countingResult(QuizSettings.Kind.FINAL_ASSESSMENT).orElseThrow();
        assertThat(pre.scorePercent()).as("the pre-test, answered wrong").isLessThan(50);
        Map<String, Object> storedPre = stored(learner.accountId(), "PRE_TEST", "");
        Map<String, Object> storedFinal = stored(learner.accountId(), "FINAL_ASSESSMENT", "");
        Map<String, Object> storedCheck = stored(learner.accountId(), "KNOWLEDGE_CHECK", lesson);
        assertThat(((Number) storedPre.get("attempt_id")).longValue()).isEqualTo(pre.attemptId());
        assertThat(((Number) storedPre.get("score_percent")).doubleValue()).isEqualTo(pre.scorePercent());
        assertThat(storedPre.get("passed")).as("the pre-test has no verdict").isNull();
        assertThat(((Number) stored(learner.accountId(), "KNOWLEDGE_CHECK", lesson).get("submitted_attempts")).intValue()).isEqualTo(3);
        assertThat(((Number) storedFinal.get("attempt_id")).longValue()).isEqualTo(fin.attemptId());
        assertThat(storedFinal.get("passed")).isEqualTo(fin.passed()).isEqualTo(true);
        assertThat(((Number) storedCheck.get("score_percent")).doubleValue()).as("the best of three checks")
                .isEqualTo(quizResults.bestKnowledgeCheckScores().get(lesson)).isEqualTo(100.0);

        jdbc.update("delete from quiz_result where user_id = ?", learner.accountId());
        assertThat(countedResults.backfill()).isGreaterThanOrEqualTo(3);
        assertThat(stored(learner.accountId(), "PRE_TEST", "")).isEqualTo(storedPre);
        assertThat(stored(learner.accountId(), "FINAL_ASSESSMENT", "")).isEqualTo(storedFinal);
        assertThat(stored(learner.accountId(), "KNOWLEDGE_CHECK", lesson)).isEqualTo(storedCheck);
    }

    private Map<String, Object> stored(long userId, String kind, String key) {
        return jdbc.queryForMap("select attempt_id, score_percent, passed, counting_rule, submitted_attempts, last_submitted_at"
                + " from quiz_result where user_id = ? and kind = ? and quiz_key = ?", userId, kind, key);
    }
}

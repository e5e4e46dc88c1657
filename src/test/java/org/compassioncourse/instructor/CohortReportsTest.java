package org.compassioncourse.instructor;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.cohort.CohortException;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.quiz.QuizAvailability;
import org.compassioncourse.quiz.QuizAttempts;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cohort of three learners on the fixture course: one idle, one reading, one finished and passed. */
@ApplicationTest
class CohortReportsTest {

    @Autowired
    CohortReports review;
    @Autowired
    CohortService cohorts;
    @Autowired
    ProgressService progress;
    @Autowired
    QuizAvailability quizAvailability;
    @Autowired
    QuizAttempts quizAttempts;
    @Autowired
    Course course;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Learners people;
    CurrentUser instructor;
    CurrentUser idle;
    CurrentUser reading;
    CurrentUser finished;
    CohortSummary cohort;

    private static void as(CurrentUser user) {
        Learners.actAs(user);
    }

    @BeforeEach
    void cohortWithThreeLearners() {
        instructor = people.instructor("Ina Instructor");
        idle = people.learner("Ada Idle");
        reading = people.learner("Ben Reading");
        finished = people.learner("Cal Finished");
        as(instructor);
        cohort = cohorts.createCohort("Review cohort");
        for (CurrentUser learner : List.of(idle, reading, finished)) {
            as(learner);
            cohorts.join(cohort.joinCode());
        }
        as(reading);
        people.open(course.lessons().getFirst());
        as(finished);
        people.readEveryLesson();
        people.take(QuizSettings.Kind.PRE_TEST, null, false, 1000);
        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 1000);
        as(instructor);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void instructorSeesEachLearnersProgressScoresAndGainComputedByTheDatabase() {
        List<LearnerRow> rows = review.learners(cohort.id(), LearnerStatus.ALL, CohortReports.SortColumn.NAME, true, 0, 10);

        assertThat(rows).extracting(LearnerRow::displayName).containsExactly("Ada Idle", "Ben Reading", "Cal Finished");
        LearnerRow ada = rows.get(0);
        assertThat(ada.lastActive()).isNull();
        assertThat(ada.percentComplete()).isZero();
        LearnerRow ben = rows.get(1);
        assertThat(ben.currentLessonTitle()).isEqualTo(course.lessons().getFirst().title());
        assertThat(ben.lastActive()).isNotNull();
        LearnerRow cal = rows.get(2);
        assertThat(cal.percentComplete()).isEqualTo(100);
        assertThat(cal.preTest()).isEqualTo(0.0);
        assertThat(cal.finalScore()).isEqualTo(100.0);
        assertThat(cal.passed()).isTrue();
        assertThat(cal.learningGain()).isEqualTo(1.0);
    }

    @Test
    void pagesAndSortingComeFromTheDatabase() {
        assertThat(review.learners(cohort.id(), LearnerStatus.ALL, CohortReports.SortColumn.NAME, false, 0, 2))
                .extracting(LearnerRow::displayName).containsExactly("Cal Finished", "Ben Reading");
        assertThat(review.learners(cohort.id(), LearnerStatus.ALL, CohortReports.SortColumn.NAME, false, 2, 2))
                .extracting(LearnerRow::displayName).containsExactly("Ada Idle");
        assertThat(review.learners(cohort.id(), LearnerStatus.ALL, CohortReports.SortColumn.FINAL, false, 0, 1))
                .extracting(LearnerRow::displayName).containsExactly("Cal Finished");
        assertThat(review.count(cohort.id(), LearnerStatus.ALL)).isEqualTo(3);
    }

    @Test
    void filtersFindNotStartedInProgressStuckCompletedAndPassedLearners() {
        assertThat(names(LearnerStatus.NOT_STARTED)).containsExactly("Ada Idle");
        assertThat(names(LearnerStatus.IN_PROGRESS)).containsExactly("Ben Reading");
        assertThat(names(LearnerStatus.READ_EVERY_LESSON)).containsExactly("Cal Finished");
        assertThat(names(LearnerStatus.PASSED)).containsExactly("Cal Finished");
        assertThat(names(LearnerStatus.STUCK)).isEmpty();

        jdbc.update("update lesson_progress set last_visited_at = last_visited_at - interval '20' day where user_id = ?", reading.accountId());
        assertThat(names(LearnerStatus.STUCK)).containsExactly("Ben Reading");
        assertThat(review.count(cohort.id(), LearnerStatus.STUCK)).isEqualTo(1);
    }

    @Test
    void summaryFiguresCountLearnersStartedCompletedAndPassed() {
        CohortOverview overview = review.overview(cohort.id());
        assertThat(overview.learners()).isEqualTo(3);
        assertThat(overview.started()).isEqualTo(2);
        assertThat(overview.completedLessons()).isEqualTo(1);
        assertThat(overview.passed()).isEqualTo(1);
        assertThat(overview.averageFinal()).isEqualTo(100.0);
    }

    @Test
    void anotherInstructorCannotSeeThisCohortAndLearnersCannotUseTheReview() {
        as(people.instructor("Other Instructor"));
        assertThatThrownBy(() -> review.learners(cohort.id(), LearnerStatus.ALL, CohortReports.SortColumn.NAME, true, 0, 10))
                .isInstanceOf(CohortException.class).hasMessage("There is no such cohort among yours.");
        assertThatThrownBy(() -> review.overview(cohort.id())).isInstanceOf(CohortException.class);

        as(finished);
        assertThatThrownBy(() -> review.count(cohort.id(), LearnerStatus.ALL)).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void itemAnalysisOfTheCohortsFinalAssessmentCountsItsSubmittedAttempts(@Autowired ItemAnalysisService items) {
        ItemStatistics.Report report = items.report(cohort.id(), QuizSettings.Kind.FINAL_ASSESSMENT);
        assertThat(report.attempts()).isEqualTo(1);
        assertThat(report.items()).singleElement().satisfies(item -> {
            assertThat(item.facility()).isEqualTo(1.0);
            assertThat(item.optionCounts()).isNotEmpty();
        });
        assertThat(items.report(cohort.id(), QuizSettings.Kind.PRE_TEST).items()).singleElement()
                .satisfies(item -> assertThat(item.facility()).isZero());
    }

    @Test
    void gradebookCsvHasOneCorrectlyQuotedRowPerLearnerAndParsesBack(@Autowired GradebookCsvExport gradebook) throws Exception {
        CurrentUser tricky = people.learner("O'Neil, \"Sam\"");
        as(tricky);
        cohorts.join(cohort.joinCode());
        CurrentUser formula = people.learner("=HYPERLINK(\"http://example.invalid\",\"Zoe\")");
        as(formula);
        cohorts.join(cohort.joinCode());
        as(instructor);

        java.io.StringWriter out = new java.io.StringWriter();
        gradebook.write(cohort.id(), out);

        assertThat(out.toString()).as("byte order mark, so Excel reads UTF-8").startsWith("\uFEFFlearner,email,percent_complete");
        var records = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(out.toString().substring(1))).getRecords();
        assertThat(records).extracting(r -> r.get("learner")).as("a name a spreadsheet would run as a formula stays text")
                .containsExactly("'=HYPERLINK(\"http://example.invalid\",\"Zoe\")", "Ada Idle", "Ben Reading", "Cal Finished", "O'Neil, \"Sam\"");
        var cal = records.get(3);
        assertThat(cal.get("percent_complete")).isEqualTo("100");
        assertThat(cal.get("pre_test_percent")).isEqualTo("0.0");
        assertThat(cal.get("final_percent")).isEqualTo("100.0");
        assertThat(cal.get("passed")).isEqualTo("yes");
        assertThat(cal.get("learning_gain_percent")).isEqualTo("100.0");
        assertThat(records.get(1).get("last_active_utc")).isEmpty();
    }

    @Test
    void anotherInstructorCannotExportThisCohortsGradebook(@Autowired GradebookCsvExport gradebook) {
        as(people.instructor("Nosy Instructor"));
        assertThatThrownBy(() -> gradebook.write(cohort.id(), new java.io.StringWriter())).isInstanceOf(CohortException.class);
        as(finished);
        assertThatThrownBy(() -> gradebook.write(cohort.id(), new java.io.StringWriter())).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void drillDownShowsALearnersLessonsAndEveryAttemptAnswerByAnswerWithTheKey(
            @Autowired org.compassioncourse.quiz.AttemptRecords records) {
        var learner = cohorts.requireLearnerInOwnCohort(cohort.id(), finished.accountId());
        assertThat(learner.displayName()).isEqualTo("Cal Finished");
        assertThat(progress.progressOf(learner).completedLessons()).isEqualTo(course.lessons().size());

        var attempts = records.attemptsOf(learner);
        assertThat(attempts).extracting(a -> a.kind()).containsExactly(QuizSettings.Kind.PRE_TEST, QuizSettings.Kind.FINAL_ASSESSMENT);
        var finalAnswer = attempts.get(1).responses().getFirst();
        assertThat(finalAnswer.score()).isEqualTo(1.0);
        assertThat(finalAnswer.key()).isNotBlank();
        assertThat(finalAnswer.timeTakenMs()).isEqualTo(1000);
        assertThat(attempts.get(0).responses().getFirst().score()).isZero();
    }

    @Test
    void drillDownAndItemAnalysisNameIDontKnowYetAndABlankAnswerAsSuchInsteadOfCountingPlacementsOrLeavingThemOut(
            @Autowired org.compassioncourse.quiz.AttemptRecords records, @Autowired ItemAnalysisService itemAnalysis) {
        as(reading);
        var said = quizAttempts.startOrResume(QuizSettings.Kind.PRE_TEST, null);
        quizAttempts.answer(said.attemptId(), said.questions().getFirst().id(), new org.compassioncourse.quiz.Answer.DontKnowYet(), 800);
        quizAttempts.submit(said.attemptId());
        as(idle);
        quizAttempts.submit(quizAttempts.startOrResume(QuizSettings.Kind.PRE_TEST, null).attemptId()); // every question left blank
        as(instructor);

        var dontKnow = records.attemptsOf(cohorts.requireLearnerInOwnCohort(cohort.id(), reading.accountId())).getFirst().responses();
        var blank = records.attemptsOf(cohorts.requireLearnerInOwnCohort(cohort.id(), idle.accountId())).getFirst().responses();

        assertThat(dontKnow).singleElement().satisfies(r -> {
            assertThat(r.answer()).isEqualTo("I don't know yet");
            assertThat(r.noAnswer()).isEqualTo(org.compassioncourse.quiz.Answer.NoAnswer.DONT_KNOW_YET);
            assertThat(r.score()).isZero();
        });
        assertThat(blank).as("a blank answer is shown, not left out").singleElement().satisfies(r -> {
            assertThat(r.answer()).isEqualTo("Not answered");
            assertThat(r.noAnswer()).isEqualTo(org.compassioncourse.quiz.Answer.NoAnswer.NOT_ANSWERED);
            assertThat(r.key()).isNotBlank();
        });
        var items = itemAnalysis.report(cohort.id(), QuizSettings.Kind.PRE_TEST).items();
        assertThat(items.stream().mapToLong(ItemStatistics.ItemStat::responses).sum())
                .as("three pre-tests, one question each: the blank one is counted too").isEqualTo(3);
        assertThat(items.stream().flatMap(item -> itemAnalysis.breakdown(item).stream()))
                .contains("I don't know yet: 1", "Not answered: 1");
    }

    @Test
    void drillDownIsRefusedForLearnersOutsideTheInstructorsCohorts() {
        CurrentUser stranger = people.learner("Sid Stranger");
        assertThatThrownBy(() -> cohorts.requireLearnerInOwnCohort(cohort.id(), stranger.accountId()))
                .isInstanceOf(CohortException.class).hasMessage("There is no such learner in this cohort.");
        as(people.instructor("Other Teacher"));
        assertThatThrownBy(() -> cohorts.requireLearnerInOwnCohort(cohort.id(), finished.accountId()))
                .isInstanceOf(CohortException.class);
        as(finished);
        assertThatThrownBy(() -> cohorts.requireLearnerInOwnCohort(cohort.id(), finished.accountId()))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void chartNumbersComeFromTheDatabaseCompletionFunnelScoreBandsAndPrePost() {
        // a second finisher in another score band: the distribution groups learners with different scores
        as(reading);
        people.readEveryLesson();
        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, false, 1000);
        as(instructor);

        CohortCharts charts = review.charts(cohort.id());
        assertThat(charts.completedPerLesson()).extracting(CohortCharts.LessonCount::learners).containsOnly(2L);
        assertThat(charts.finalScoreBuckets()[9]).as("100%").isEqualTo(1);
        assertThat(charts.finalScoreBuckets()[0]).as("0%").isEqualTo(1);
        assertThat(java.util.Arrays.stream(charts.finalScoreBuckets()).sum()).isEqualTo(2);
        assertThat(charts.meanPre()).as("only Cal took both").isEqualTo(0.0);
        assertThat(charts.meanPost()).isEqualTo(100.0);
        assertThat(charts.learnersWithBoth()).isEqualTo(1);
    }

    private List<String> names(LearnerStatus status) {
        return review.learners(cohort.id(), status, CohortReports.SortColumn.NAME, true, 0, 10).stream()
                .map(LearnerRow::displayName).toList();
    }
}

package org.compassioncourse.rules;

import tools.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.completion.CompletionService;
import org.compassioncourse.completion.CompletionStatus;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Evaluation;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.instructor.CohortReports;
import org.compassioncourse.instructor.GradebookCsvExport;
import org.compassioncourse.instructor.LearnerRow;
import org.compassioncourse.instructor.LearnerStatus;
import org.compassioncourse.instructor.XapiStatementsExport;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.quiz.QuizScores;
import org.compassioncourse.quiz.QuizAvailability;
import org.compassioncourse.quiz.QuizAttempts;
import org.compassioncourse.quiz.QuizResults;
import org.compassioncourse.support.FixtureCourse;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Passed the final", its counted score and "lessons completed" are decided once, and every place that shows them
 * agrees: the learner's own pages, the certificate, the instructor's grid and summary, the gradebook CSV and the xAPI
 * export. Run over the same learners under each {@code counts:} setting of the final (one subclass each, its own
 * application on its own course copy and database), with a completed lesson that has since been removed from the
 * course. Learners: one fails then passes, one only fails, one passes at once.
 */
@Import(Learners.class)
abstract class OneRulePerFactScenario {

    /** A completed lesson the course no longer has: its progress row stays in the database. */
    static final String REMOVED_LESSON = "a-lesson-since-removed";

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
    CohortService cohorts;
    @Autowired
    CompletionService completion;
    @Autowired
    CohortReports review;
    @Autowired
    GradebookCsvExport gradebook;
    @Autowired
    XapiStatementsExport xapi;
    @Autowired
    JdbcTemplate jdbc;

    /** The fixture course copied with the final's {@code counts:} set to {@code rule} and no cool-down between attempts. */
    static Path courseCounting(String rule) {
        try {
            Path dir = FixtureCourse.copyTo(Files.createTempDirectory("counts-" + rule));
            FixtureCourse.replace(dir, "course.yaml", "  final-assessment:\n    counts: highest\n    feedback: after-submission\n    cooldownMinutes: 30",
                    "  final-assessment:\n    counts: " + rule + "\n    feedback: after-submission\n    cooldownMinutes: 0");
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the learner's own pages say. */
    record LearnerSays(boolean passed, Double countedScore, long lessonsCompleted, CompletionStatus status) {
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theLearnersPagesTheCertificateTheGridTheGradebookAndTheXapiExportAgreeOnPassedScoreAndLessonsCompleted() throws Exception {
        CurrentUser instructor = people.instructor("Ines Rules");
        Learners.actAs(instructor);
        CohortSummary cohort = cohorts.createCohort("Rules " + UUID.randomUUID());

        Map<String, List<Boolean>> finals = new java.util.LinkedHashMap<>();
        finals.put("Fay Failthenpass", List.of(false, true));
        finals.put("Finn Failonly", List.of(false));
        finals.put("Pia Passfirst", List.of(true));
        Map<String, LearnerSays> says = new HashMap<>();
        for (var learner : finals.entrySet()) {
            CurrentUser user = people.learner(learner.getKey());
            Learners.actAs(user);
            cohorts.join(cohort.joinCode());
            people.readEveryLesson();
            jdbc.update("insert into lesson_progress (user_id, lesson_id, last_section_id, first_visited_at, last_visited_at, completed_at)"
                    + " values (?, ?, 'intro', ?, ?, ?)", user.accountId(), REMOVED_LESSON, Timestamp.from(Instant.now()),
                    Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
            for (boolean right : learner.getValue()) {
                people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, right, 500);
            }
            CompletionStatus status = completion.myStatus();
            if (status.completed()) {
                Map<String, Integer> likert = new HashMap<>();
                completion.evaluation().items().stream().filter(i -> i.kind() == Evaluation.Kind.LIKERT).forEach(i -> likert.put(i.id(), 4));
                completion.submitEvaluation(likert, Map.of());
                completion.issueMyCertificate();
                status = completion.myStatus();
            }
            QuizScores scores = quizResults.myScores();
            says.put(learner.getKey(), new LearnerSays(scores.passedFinal(),
                    scores.counted(QuizSettings.Kind.FINAL_ASSESSMENT).map(s -> s.scorePercent()).orElse(null),
                    progress.myProgress().completedLessons(), status));
        }

        Learners.actAs(instructor);
        Map<String, LearnerRow> grid = new HashMap<>();
        review.learners(cohort.id(), LearnerStatus.ALL, CohortReports.SortColumn.NAME, true, 0, 50)
                .forEach(row -> grid.put(row.displayName(), row));
        StringWriter csvText = new StringWriter();
        gradebook.write(cohort.id(), csvText);
        Map<String, CSVRecord> csv = new HashMap<>();
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csvText.toString().substring(1))).forEach(r -> csv.put(r.get("learner"), r));
        ByteArrayOutputStream xapiOut = new ByteArrayOutputStream();
        xapi.writeCohort(cohort.id(), xapiOut);
        JsonNode statements = tools.jackson.databind.json.JsonMapper.builder().build().readTree(xapiOut.toString(StandardCharsets.UTF_8));

        int lessons = course.lessons().size();
        for (String name : finals.keySet()) {
            boolean expected = finals.get(name).contains(true);
            LearnerSays learner = says.get(name);
            LearnerRow row = grid.get(name);
            CSVRecord line = csv.get(name);
            assertThat(learner.passed()).as("%s: the learner's pages", name).isEqualTo(expected);
            assertThat(learner.status().finalPassed()).as("%s: the completion", name).isEqualTo(expected);
            assertThat(learner.status().certificate() != null).as("%s: a certificate", name).isEqualTo(expected);
            assertThat(row.passed()).as("%s: the grid", name).isEqualTo(expected);
            assertThat(line.get("passed")).as("%s: the gradebook", name).isEqualTo(expected ? "yes" : "no");
            assertThat(finalOutcome(statements, name)).as("%s: xAPI's last final outcome", name).isEqualTo(expected ? "passed" : "failed");

            assertThat(row.finalScore()).as("%s: the grid's final score is the learner's counted score", name).isEqualTo(learner.countedScore());
            assertThat(Double.parseDouble(line.get("final_percent"))).as("%s: the gradebook's final score", name).isEqualTo(learner.countedScore());
            if (expected) {
                assertThat(learner.status().finalScore()).as("%s: the completion's stored final score", name).isEqualTo(learner.countedScore());
                assertThat(learner.countedScore()).as("%s: a passed final counts a passing score", name).isGreaterThanOrEqualTo(course.passMark());
            }

            assertThat(learner.lessonsCompleted()).as("%s: the learner's lessons, the removed one not counted", name).isEqualTo(lessons);
            assertThat(learner.status().lessonsCompleted()).as("%s: the completion's lessons", name).isEqualTo(lessons);
            assertThat(row.lessonsCompleted()).as("%s: the grid's lessons", name).isEqualTo(lessons);
            assertThat(row.percentComplete()).as("%s: never over 100%%", name).isEqualTo(100);
            assertThat(line.get("lessons_completed")).isEqualTo(String.valueOf(lessons));
            assertThat(line.get("percent_complete")).isEqualTo("100");
        }
        var overview = review.overview(cohort.id());
        assertThat(overview.passed()).as("the summary's 'passed the final'").isEqualTo(2);
        assertThat(review.count(cohort.id(), LearnerStatus.PASSED)).as("the Passed filter").isEqualTo(2);
        assertThat(overview.completedLessons()).as("the summary's 'read every lesson'").isEqualTo(3);
        assertThat(review.count(cohort.id(), LearnerStatus.READ_EVERY_LESSON)).as("the Read every lesson filter").isEqualTo(3);
    }

    /** The verb of the learner's last passed/failed statement about the final assessment (statements come oldest first). */
    private static String finalOutcome(JsonNode statements, String learnerName) {
        String outcome = null;
        for (JsonNode statement : statements) {
            String verb = statement.path("verb").path("id").asString();
            boolean finalAssessment = statement.path("object").path("id").asString().endsWith("/final-assessment");
            if (finalAssessment && statement.path("actor").path("name").asString().equals(learnerName)
                    && (verb.endsWith("/passed") || verb.endsWith("/failed"))) {
                outcome = verb.substring(verb.lastIndexOf('/') + 1);
            }
        }
        return outcome;
    }
}

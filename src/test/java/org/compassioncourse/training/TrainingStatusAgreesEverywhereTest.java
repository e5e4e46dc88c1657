package org.compassioncourse.training;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Paragraph;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.compassioncourse.base.LearnerSet;
import org.compassioncourse.cohort.CohortMembers;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.completion.CertificateVerification;
import org.compassioncourse.completion.CompletionService;
import org.compassioncourse.completion.IssuedCertificate;
import org.compassioncourse.completion.PaperSize;
import org.compassioncourse.completion.VerifiedCertificate;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Evaluation;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.instructor.CohortReports;
import org.compassioncourse.instructor.GradebookCsvExport;
import org.compassioncourse.instructor.LearnerRow;
import org.compassioncourse.instructor.LearnerStatus;
import org.compassioncourse.lesson.ui.CourseView;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.FixtureCourse;
import org.compassioncourse.support.Learners;
import org.compassioncourse.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One cohort followed through a year on a clock the test moves: at each moment the cohort grid, its filter, the
 * gradebook CSV and each learner's own course page show the status the rule gives, and that status is the one a
 * hospital would expect (fixed due date, an extension, a second cohort's "within 10 days of joining", a completion that
 * is valid for a year with a 60-day renewal window).
 */
@ApplicationTest
class TrainingStatusAgreesEverywhereTest extends SpringBrowserlessTest {

    private static final Instant START = Instant.parse("2027-01-04T09:00:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock trainingClock() {
            return new MutableClock(START);
        }
    }

    @DynamicPropertySource
    static void courseThatExpiresAfterAYear(DynamicPropertyRegistry registry) {
        try {
            Path dir = FixtureCourse.copyTo(Files.createTempDirectory("course-with-validity"));
            FixtureCourse.replace(dir, "course.yaml", "passMark: 75", "passMark: 75\nvalidity:\n  validFor: P1Y\n  renewalWindow: P60D");
            registry.add("course.content-dir", dir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    MutableClock clock;
    @Autowired
    Learners people;
    @Autowired
    CohortService cohorts;
    @Autowired
    DueRules dueRules;
    @Autowired
    CohortReports reports;
    @Autowired
    GradebookCsvExport gradebook;
    @Autowired
    TrainingStatuses statuses;
    @Autowired
    CohortMembers members;
    @Autowired
    Course course;
    @Autowired
    CompletionService completion;
    @Autowired
    CertificateVerification verification;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void gridCsvAndLearnerPageShowTheRulesStatusAtEveryMoment() throws IOException {
        clock.set(START);
        CurrentUser instructor = people.instructor("Tara Trainer");
        CurrentUser ada = people.learner("Ada Idle");
        CurrentUser ben = people.learner("Ben Reader");
        CurrentUser cal = people.learner("Cal Complete");
        CurrentUser dee = people.learner("Dee Extended");
        CurrentUser eve = people.learner("Eve Starter");
        Learners.actAs(instructor);
        CohortSummary ward = cohorts.createCohort("Ward 7 annual update");
        CohortSummary starters = cohorts.createCohort("New starters January");
        dueRules.setRule(ward.id(), DueRule.completeBy(LocalDate.of(2027, 2, 1)));
        dueRules.setRule(starters.id(), DueRule.withinDaysOfJoining(10));
        for (CurrentUser learner : List.of(ada, ben, cal, dee, eve)) {
            Learners.actAs(learner);
            cohorts.join(ward.joinCode());
        }
        Learners.actAs(eve);
        cohorts.join(starters.joinCode()); // due 14 January: earlier than the ward's, so it is hers
        Learners.actAs(ben);
        people.open(course.lessons().getFirst());
        Learners.actAs(cal);
        people.readEveryLesson();
        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 1000); // completed on 4 January 2027
        Learners.actAs(instructor);
        dueRules.extend(cohorts.requireLearnerInOwnCohort(ward.id(), dee.accountId()), LocalDate.of(2027, 3, 1), "On leave in January");

        Map<CurrentUser, TrainingStatus> expected = new LinkedHashMap<>();
        expect(expected, TrainingStatus.NOT_STARTED, TrainingStatus.IN_PROGRESS, TrainingStatus.COMPLETED, TrainingStatus.NOT_STARTED,
                TrainingStatus.DUE_SOON, ada, ben, cal, dee, eve);
        agreeEverywhere(ward, expected, "4 January");

        clock.advance(Duration.ofDays(16)); // 20 January
        expect(expected, TrainingStatus.DUE_SOON, TrainingStatus.DUE_SOON, TrainingStatus.COMPLETED, TrainingStatus.NOT_STARTED,
                TrainingStatus.OVERDUE, ada, ben, cal, dee, eve);
        agreeEverywhere(ward, expected, "20 January");

        clock.advance(Duration.ofDays(13)); // 2 February: the ward's due day has passed, Dee's extension has not
        expect(expected, TrainingStatus.OVERDUE, TrainingStatus.OVERDUE, TrainingStatus.COMPLETED, TrainingStatus.NOT_STARTED,
                TrainingStatus.OVERDUE, ada, ben, cal, dee, eve);
        agreeEverywhere(ward, expected, "2 February");

        clock.advance(Duration.ofDays(291)); // 20 November 2027: Cal's renewal window opened on 4 November
        expect(expected, TrainingStatus.OVERDUE, TrainingStatus.OVERDUE, TrainingStatus.EXPIRING_SOON, TrainingStatus.OVERDUE,
                TrainingStatus.OVERDUE, ada, ben, cal, dee, eve);
        agreeEverywhere(ward, expected, "20 November");

        clock.advance(Duration.ofDays(45)); // 4 January 2028: valid until 3 January 2028, so expired
        expected.put(cal, TrainingStatus.EXPIRED);
        agreeEverywhere(ward, expected, "4 January 2028");
    }

    @Test
    void aCertificateVerifiesAsValidUntilItsLastValidDayAndAsExpiredTheDayAfter() throws IOException {
        CurrentUser learner = people.learner("Vera Verified");
        Learners.actAs(learner);
        people.readEveryLesson();
        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 1000);
        Map<String, Integer> likert = new java.util.HashMap<>();
        for (Evaluation.Item item : completion.evaluation().items()) {
            if (item.kind() == Evaluation.Kind.LIKERT) {
                likert.put(item.id(), 4);
            }
        }
        completion.submitEvaluation(likert, Map.of());
        IssuedCertificate certificate = completion.issueMyCertificate();
        LocalDate lastValidDay = certificate.completedOn().plusYears(1).minusDays(1);

        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(completion.myCertificatePdf(PaperSize.A4))) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).as("the PDF prints the same last valid day")
                    .contains("Valid until " + TrainingStanding.format(lastValidDay));
        }
        VerifiedCertificate today = verification.verify(certificate.code(), "198.51.100.40").orElseThrow();
        assertThat(today.state()).isEqualTo(VerifiedCertificate.State.VALID);
        assertThat(today.validUntil()).isEqualTo(lastValidDay);

        clock.advance(Duration.between(clock.instant(), lastValidDay.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC)));
        assertThat(verification.verify(certificate.code(), "198.51.100.41").orElseThrow().state()).as("on the last valid day")
                .isEqualTo(VerifiedCertificate.State.VALID);
        clock.advance(Duration.ofDays(1));
        VerifiedCertificate after = verification.verify(certificate.code(), "198.51.100.42").orElseThrow();
        assertThat(after.state()).as("the day after").isEqualTo(VerifiedCertificate.State.EXPIRED);
        assertThat(after.valid()).isFalse();
        assertThat(statuses.of(List.of(learner.accountId()), LearnerSet.of(List.of(learner.accountId()))).get(learner.accountId()).status())
                .as("the training status agrees").isEqualTo(TrainingStatus.EXPIRED);
    }

    private static void expect(Map<CurrentUser, TrainingStatus> expected, TrainingStatus a, TrainingStatus b, TrainingStatus c,
                               TrainingStatus d, TrainingStatus e, CurrentUser... learners) {
        List<TrainingStatus> statuses = List.of(a, b, c, d, e);
        for (int i = 0; i < learners.length; i++) {
            expected.put(learners[i], statuses.get(i));
        }
    }

    private void agreeEverywhere(CohortSummary cohort, Map<CurrentUser, TrainingStatus> expected, String when) throws IOException {
        CurrentUser instructor = (CurrentUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        List<Long> ids = members.ids(cohort.id());
        Map<Long, TrainingStanding> rule = statuses.of(ids, members.of(cohort.id()));
        Map<Long, LearnerRow> grid = reports.learners(cohort.id(), LearnerStatus.ALL, CohortReports.SortColumn.NAME, true, 0, 50)
                .stream().collect(Collectors.toMap(LearnerRow::userId, row -> row));
        Map<String, CSVRecord> csv = csv(cohort.id());
        for (Map.Entry<CurrentUser, TrainingStatus> entry : expected.entrySet()) {
            long id = entry.getKey().accountId();
            String who = entry.getKey().displayName() + " on " + when;
            TrainingStanding standing = rule.get(id);
            assertThat(standing.status()).as(who + ": the rule").isEqualTo(entry.getValue());
            assertThat(grid.get(id).training()).as(who + ": the grid").isEqualTo(standing);
            CSVRecord row = csv.get(entry.getKey().displayName());
            assertThat(row.get("training_status")).as(who + ": the CSV").isEqualTo(standing.status().label());
            assertThat(row.get("training_summary")).as(who + ": the CSV").isEqualTo(standing.describe());
            assertThat(row.get("due_on")).as(who + ": the CSV's due date")
                    .isEqualTo(standing.dueOn() == null ? "" : standing.dueOn().toString());
        }
        for (TrainingStatus status : TrainingStatus.values()) {
            long count = expected.values().stream().filter(s -> s == status).count();
            assertThat(reports.count(cohort.id(), LearnerStatus.ALL, status)).as("grid filter " + status + " on " + when).isEqualTo(count);
            assertThat(reports.learners(cohort.id(), LearnerStatus.ALL, status, CohortReports.SortColumn.NAME, true, 0, 50))
                    .as("grid filter " + status + " on " + when).hasSize((int) count)
                    .allSatisfy(row -> assertThat(row.training().status()).isEqualTo(status));
        }
        for (CurrentUser learner : expected.keySet()) {
            Learners.actAs(learner);
            navigate(CourseView.class);
            assertThat($(Paragraph.class).withId("training-status").single().getText())
                    .as(learner.displayName() + "'s course page on " + when).isEqualTo(rule.get(learner.accountId()).describe());
        }
        Learners.actAs(instructor);
    }

    private Map<String, CSVRecord> csv(long cohortId) throws IOException {
        StringWriter out = new StringWriter();
        gradebook.write(cohortId, out);
        String text = out.toString().substring(1); // the byte order mark
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords()
                .stream().collect(Collectors.toMap(r -> r.get("learner"), r -> r));
    }
}

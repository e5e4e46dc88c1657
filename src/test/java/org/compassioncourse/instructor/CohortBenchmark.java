package org.compassioncourse.instructor;

import org.compassioncourse.account.AccountService;
import org.compassioncourse.account.CurrentUser;
import org.compassioncourse.account.RegistrationForm;
import org.compassioncourse.account.TestAccounts;
import org.compassioncourse.content.QuizSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import java.util.UUID;

/**
 * Benchmark, not a check: generates a synthetic cohort on the shipped course and prints how long the instructor's
 * reports take. Not part of the test suite (its name does not end in Test); run it with
 * {@code ./mvnw test -Dtest=CohortBenchmark -Dbenchmark.learners=10000}.
 */
@SpringBootTest(properties = "course.content-dir=course-content")
@ActiveProfiles("test")
class CohortBenchmark {

    @Autowired
    SyntheticCohortGenerator generator;
    @Autowired
    CohortReviewService review;
    @Autowired
    ItemAnalysisService items;
    @Autowired
    AccountService accounts;
    @Autowired
    GradebookCsvExport gradebook;
    @Autowired
    XapiStatementsExport xapi;

    @Test
    void printTimingsOfCohortReportsOnASyntheticCohort() {
        int learners = Integer.getInteger("benchmark.learners", 10_000);
        CurrentUser instructor = TestAccounts.instructor(accounts,
                new RegistrationForm("Benchmark Instructor", "bench-" + UUID.randomUUID() + "@synthetic.invalid", "steady-maple-compass"));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(instructor, null, instructor.getAuthorities()));

        long start = System.nanoTime();
        long cohortId = generator.generate(instructor.accountId(), learners, 42);
        report("generate " + learners + " synthetic learners", start);

        for (int round = 1; round <= 3; round++) {
            System.out.println("-- round " + round);
            start = System.nanoTime();
            // different pages each round: H2 re-uses the result of an identical query on unchanged tables
            var page = review.learners(cohortId, LearnerStatus.ALL, CohortReviewService.SortColumn.LAST_ACTIVE, false, round * 50, 50);
            report("grid: first page of 50, sorted by last activity (" + page.size() + " rows)", start);
            start = System.nanoTime();
            review.learners(cohortId, LearnerStatus.STUCK, CohortReviewService.SortColumn.FINAL, round % 2 == 0, 500 + round * 50, 50);
            report("grid: a page of stuck learners deep in the list, sorted by final score", start);
            start = System.nanoTime();
            int count = review.count(cohortId, round == 1 ? LearnerStatus.PASSED : round == 2 ? LearnerStatus.STUCK : LearnerStatus.COMPLETED);
            report("grid: count of learners with a status (" + count + ")", start);
            start = System.nanoTime();
            var overview = review.overview(cohortId);
            report("summary figures (" + overview.learners() + " learners; repeated rounds may be re-used by H2)", start);
            start = System.nanoTime();
            var charts = review.charts(cohortId);
            report("charts: completion funnel, score bands, pre vs post (" + charts.learnersWithBoth() + " with both tests)", start);
            start = System.nanoTime();
            var analysis = items.report(cohortId, round == 2 ? QuizSettings.Kind.PRE_TEST : QuizSettings.Kind.FINAL_ASSESSMENT);
            report("item analysis of the " + (round == 2 ? "pre-test" : "final") + " (" + analysis.attempts() + " attempts, " + analysis.items().size()
                    + " items, alpha " + String.format("%.2f", analysis.cronbachAlpha()) + ")", start);
        }
        System.out.println("-- exports");
        start = System.nanoTime();
        CountingStream csvBytes = new CountingStream();
        try (var writer = new java.io.OutputStreamWriter(csvBytes, java.nio.charset.StandardCharsets.UTF_8)) {
            gradebook.write(cohortId, writer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        report(String.format("gradebook CSV of the whole cohort (%.1f MB)", csvBytes.count / 1e6), start);
        start = System.nanoTime();
        CountingStream jsonBytes = new CountingStream();
        long statements = xapi.writeCohort(cohortId, jsonBytes);
        report(String.format("xAPI statements of the whole cohort (%,d statements, %.1f MB)", statements, jsonBytes.count / 1e6), start);
        SecurityContextHolder.clearContext();
    }

    /** Counts what an export writes, as a download would stream it, without keeping it. */
    private static final class CountingStream extends java.io.OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private static void report(String what, long startNanos) {
        System.out.printf("%-90s %8.1f ms%n", what, (System.nanoTime() - startNanos) / 1e6);
    }
}

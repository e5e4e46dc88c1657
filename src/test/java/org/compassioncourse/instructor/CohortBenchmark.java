package org.compassioncourse.instructor;

import org.compassioncourse.account.AccountService;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.account.RegistrationForm;
import org.compassioncourse.account.TestAccounts;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.review.CohortRetention;
import org.compassioncourse.support.ScratchPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Benchmark, and a check of what it measured (no timing assertions): generates a synthetic cohort on the shipped course and prints how long the instructor's
 * reports take, as a table. Not part of the test suite (its name does not end in Test); run it with
 * {@code ./mvnw test -Dtest=CohortBenchmark -Dbenchmark.learners=10000} (H2 in memory) or add
 * {@code -Dbenchmark.db=postgres} (a throw-away PostgreSQL database, dropped afterwards). It must run alone: its
 * Spring context is the only one in the JVM, so it can point it at PostgreSQL.
 * <p>
 * "First load" is every service call {@code instructor/ui/CohortView} makes when the page opens (summary, grid count
 * and first page, charts, spaced-review retention), timed as one figure and per part; the anchor is one hand-written
 * SQL aggregate over the base tables computing the same summary, count and chart figures, timed in the same run.
 */
@SpringBootTest(properties = "course.content-dir=course-content")
@ActiveProfiles("test")
class CohortBenchmark {

    private static final boolean POSTGRES = "postgres".equalsIgnoreCase(System.getProperty("benchmark.db", "h2"));
    private static final String DATABASE = "rep_bench_" + ProcessHandle.current().pid();
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 5);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (POSTGRES) {
            ScratchPostgres.create(DATABASE, "CohortBenchmark on PostgreSQL");
            registry.add("spring.datasource.url", () -> ScratchPostgres.url(DATABASE));
            registry.add("spring.datasource.username", () -> ScratchPostgres.USER);
            registry.add("spring.datasource.password", () -> "");
            registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
        }
    }

    @AfterAll
    static void dropDatabase() {
        if (POSTGRES) {
            ScratchPostgres.drop(DATABASE);
        }
    }

    @Autowired
    org.compassioncourse.cohort.CohortMembers members;
    @Autowired
    SyntheticCohortGenerator generator;
    @Autowired
    CohortReports review;
    @Autowired
    ItemAnalysisService items;
    @Autowired
    CohortRetention retention;
    @Autowired
    AccountService accounts;
    @Autowired
    GradebookCsvExport gradebook;
    @Autowired
    XapiStatementsExport xapi;
    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    Course course;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /** Figures per row label, one per round. */
    private final Map<String, List<Double>> table = new LinkedHashMap<>();

    @Test
    void printTimingsOfCohortReportsOnASyntheticCohort() {
        int learners = Integer.getInteger("benchmark.learners", 10_000);
        int itemResponses = Integer.getInteger("benchmark.itemResponses", 500_000);
        CurrentUser instructor = TestAccounts.instructor(accounts,
                new RegistrationForm("Benchmark Instructor", "bench-" + UUID.randomUUID() + "@synthetic.invalid", "steady-maple-compass"));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(instructor, null, instructor.getAuthorities()));
        System.out.println("== CohortBenchmark on " + (POSTGRES ? "PostgreSQL" : "H2 (in memory)") + ", " + learners + " learners");

        long start = System.nanoTime();
        long cohortId = generator.generate(instructor.accountId(), learners, 42);
        System.out.printf("generated %d learners in %.1f s%n", learners, (System.nanoTime() - start) / 1e9);
        MapSqlParameterSource cohort = new MapSqlParameterSource("cohortId", cohortId);
        System.out.printf("data: %,d answers in the cohort (%.1f per learner: pre-test, knowledge checks, finals), %,d pre-test answers%n",
                count("select count(*) from quiz_response r join quiz_attempt a on a.id = r.attempt_id join cohort_member m"
                        + " on m.user_id = a.user_id where m.cohort_id = :cohortId", cohort),
                count("select count(*) from quiz_response r join quiz_attempt a on a.id = r.attempt_id join cohort_member m"
                        + " on m.user_id = a.user_id where m.cohort_id = :cohortId", cohort) / (double) learners,
                preTestResponses(List.of(cohortId)));

        // a second cohort so that the pre-test item analysis covers about benchmark.itemResponses responses
        List<Long> itemCohorts = new ArrayList<>(List.of(cohortId));
        long have = preTestResponses(itemCohorts);
        if (have < itemResponses) {
            int perLearner = (int) Math.max(1, have / learners);
            int more = (int) ((itemResponses - have + perLearner - 1) / perLearner);
            start = System.nanoTime();
            itemCohorts.add(generator.generate(instructor.accountId(), more, 43));
            System.out.printf("generated %d more learners for the item analysis case in %.1f s%n", more, (System.nanoTime() - start) / 1e9);
        }
        long itemCaseResponses = preTestResponses(itemCohorts);
        List<org.compassioncourse.base.LearnerSet> itemLearners = itemCohorts.stream().map(members::of).toList();

        for (int round = 1; round <= ROUNDS; round++) {
            int r = round;
            long pageStart = System.nanoTime();
            time("first load: summary figures", () -> review.overview(cohortId));
            time("first load: grid count (fits the grid's height)", () -> review.count(cohortId, LearnerStatus.ALL));
            time("first load: grid first page of 50 by name", () -> review.learners(cohortId, LearnerStatus.ALL,
                    CohortReports.SortColumn.NAME, true, 0, 50));
            time("first load: grid count (data provider)", () -> review.count(cohortId, LearnerStatus.ALL));
            time("first load: charts", () -> review.charts(cohortId));
            time("first load: retention by objective and overdue learners", () -> {
                retention.retentionByObjective(cohortId);
                return retention.overdueLearners(cohortId);
            });
            record("FIRST LOAD, all of the above", pageStart);
            time("ANCHOR: one hand-written SQL aggregate of the same figures", () -> anchor(cohortId));

            time("grid: a page deep in the stuck learners, by final score", () -> review.learners(cohortId, LearnerStatus.STUCK,
                    CohortReports.SortColumn.FINAL, r % 2 == 0, 500 + r * 50, 50));
            time("grid: count of passed learners", () -> review.count(cohortId, LearnerStatus.PASSED));
            time("item analysis: final of the cohort", () -> items.report(cohortId, QuizSettings.Kind.FINAL_ASSESSMENT));
            // in a read-only transaction, as report() runs it (PostgreSQL streams with a fetch size only there)
            var readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
            readOnly.setReadOnly(true);
            time(String.format("item analysis: pre-test over %,d responses", itemCaseResponses), () -> readOnly.execute(status -> items.analyse(itemLearners, QuizSettings.Kind.PRE_TEST)));
        }
        start = System.nanoTime();
        CountingStream csvBytes = new CountingStream();
        try (var writer = new java.io.OutputStreamWriter(csvBytes, java.nio.charset.StandardCharsets.UTF_8)) {
            gradebook.write(cohortId, writer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        record(String.format("export: gradebook CSV (%.1f MB)", csvBytes.count / 1e6), start);
        start = System.nanoTime();
        CountingStream jsonBytes = new CountingStream();
        long statements = xapi.writeCohort(cohortId, jsonBytes);
        record(String.format("export: xAPI (%,d statements, %.0f MB)", statements, jsonBytes.count / 1e6), start);
        printTable();

        // what was timed is right: the reports answer for the cohort that was generated, as the anchor computes it
        CohortOverview overview = review.overview(cohortId);
        Map<String, Object> expected = anchor(cohortId);
        assertThat(overview.learners()).as("learners in the summary").isEqualTo(learners)
                .isEqualTo(number(expected, "learners").longValue());
        assertThat(overview.started()).as("started").isEqualTo(number(expected, "started").longValue());
        assertThat(overview.completedLessons()).as("read every lesson").isEqualTo(number(expected, "completed").longValue());
        assertThat(overview.passed()).as("passed the final").isEqualTo(number(expected, "passed").longValue());
        if (number(expected, "average_final") == null) {
            assertThat(overview.averageFinal()).as("average final").isNull();
        } else {
            assertThat(overview.averageFinal()).as("average final").isCloseTo(number(expected, "average_final").doubleValue(), within(1e-6));
        }
        assertThat(review.count(cohortId, LearnerStatus.ALL)).as("grid count").isEqualTo(learners);
        assertThat(review.learners(cohortId, LearnerStatus.ALL, CohortReports.SortColumn.NAME, true, 0, 50))
                .as("grid first page").hasSize(Math.min(50, learners));
        assertThat(csvBytes.lines).as("gradebook CSV: a header and a line per learner").isEqualTo(learners + 1);
        assertThat(statements).as("xAPI statements").isPositive();
        SecurityContextHolder.clearContext();
    }

    private static Number number(Map<String, Object> row, String column) {
        return (Number) row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /**
     * The anchor: the summary, grid count and chart figures straight from the base tables in one statement (the
     * counting rules of the shipped course written out: first pre-test, highest final; plain joins and group by, no window functions).
     */
    private Map<String, Object> anchor(long cohortId) {
        StringBuilder perLesson = new StringBuilder();
        for (Lesson lesson : course.lessons()) {
            perLesson.append(", sum(case when lp.lesson_id = '").append(lesson.id())
                    .append("' and lp.completed_at is not null then 1 else 0 end) as l").append(lesson.order());
        }
        StringBuilder lessonSums = new StringBuilder();
        for (Lesson lesson : course.lessons()) {
            lessonSums.append(", sum(p.l").append(lesson.order()).append(") as done_l").append(lesson.order());
        }
        StringBuilder bands = new StringBuilder();
        for (int band = 0; band < 10; band++) {
            bands.append(", sum(case when q.fin >= ").append(band * 10).append(band == 9 ? "" : " and q.fin < " + (band * 10 + 10))
                    .append(" then 1 else 0 end) as band").append(band);
        }
        String sql = "with p as (select lp.user_id, count(lp.completed_at) as done, max(lp.last_visited_at) as last_visit" + perLesson
                + " from cohort_member m join lesson_progress lp on lp.user_id = m.user_id where m.cohort_id = :cohortId group by lp.user_id),"
                + " q as (select a.user_id, max(case when a.kind = 'FINAL_ASSESSMENT' then a.score_percent end) as fin,"
                + " max(a.submitted_at) as last_quiz from cohort_member m join quiz_attempt a on a.user_id = m.user_id"
                + " where m.cohort_id = :cohortId and a.submitted_at is not null group by a.user_id),"
                // the first pre-test: the one with the earliest start
                + " f as (select a.user_id, min(a.started_at) as first_start from cohort_member m join quiz_attempt a on a.user_id = m.user_id"
                + " where m.cohort_id = :cohortId and a.kind = 'PRE_TEST' and a.submitted_at is not null group by a.user_id),"
                + " pre as (select a.user_id, min(a.score_percent) as pre from f join quiz_attempt a on a.user_id = f.user_id"
                + " and a.kind = 'PRE_TEST' and a.started_at = f.first_start group by a.user_id)"
                + " select count(*) as learners,"
                + " sum(case when p.last_visit is not null or q.last_quiz is not null then 1 else 0 end) as started,"
                + " sum(case when p.done >= :lessons then 1 else 0 end) as completed,"
                + " sum(case when q.fin >= :passMark then 1 else 0 end) as passed, avg(q.fin) as average_final" + lessonSums + bands
                + ", avg(case when pre.pre is not null and q.fin is not null then pre.pre end) as mean_pre,"
                + " avg(case when pre.pre is not null and q.fin is not null then q.fin end) as mean_post,"
                + " sum(case when pre.pre is not null and q.fin is not null then 1 else 0 end) as both_tests"
                + " from cohort_member m left join p on p.user_id = m.user_id left join q on q.user_id = m.user_id"
                + " left join pre on pre.user_id = m.user_id where m.cohort_id = :cohortId";
        return jdbc.queryForMap(sql, new MapSqlParameterSource("cohortId", cohortId).addValue("lessons", course.lessons().size())
                .addValue("passMark", (double) course.passMark()));
    }

    private long preTestResponses(List<Long> cohorts) {
        return count("select count(*) from quiz_response r join quiz_attempt a on a.id = r.attempt_id join cohort_member m"
                + " on m.user_id = a.user_id where m.cohort_id in (:cohorts) and a.kind = 'PRE_TEST' and a.submitted_at is not null",
                new MapSqlParameterSource("cohorts", cohorts));
    }

    private long count(String sql, MapSqlParameterSource parameters) {
        Long count = jdbc.queryForObject(sql, parameters, Long.class);
        return count == null ? 0 : count;
    }

    private <T> T time(String what, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        record(what, start);
        return result;
    }

    private void record(String what, long startNanos) {
        table.computeIfAbsent(what, k -> new ArrayList<>()).add((System.nanoTime() - startNanos) / 1e6);
    }

    private void printTable() {
        System.out.println();
        System.out.println("| " + (POSTGRES ? "PostgreSQL" : "H2") + ": part (ms) | first round | median of later rounds | min | max |");
        System.out.println("|---|---:|---:|---:|---:|");
        table.forEach((what, figures) -> {
            List<Double> later = figures.size() > 1 ? figures.subList(1, figures.size()).stream().sorted().toList() : figures;
            System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f |%n", what, figures.getFirst(), later.get(later.size() / 2),
                    figures.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    figures.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        });
        List<Double> page = table.get("FIRST LOAD, all of the above");
        List<Double> anchor = table.get("ANCHOR: one hand-written SQL aggregate of the same figures");
        List<Double> ratios = new ArrayList<>();
        for (int i = 1; i < page.size(); i++) {
            ratios.add(page.get(i) / anchor.get(i));
        }
        ratios.sort(null);
        System.out.printf("first load / anchor, median of later rounds: %.2f×%n", ratios.isEmpty() ? page.getFirst() / anchor.getFirst()
                : ratios.get(ratios.size() / 2));
    }

    /** Counts what an export writes, as a download would stream it, without keeping it. */
    private static final class CountingStream extends java.io.OutputStream {
        long count;
        long lines;

        @Override
        public void write(int b) {
            count++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}

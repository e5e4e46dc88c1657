package org.compassioncourse;

import org.compassioncourse.account.AccountService;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.instructor.CohortReports;
import org.compassioncourse.instructor.ItemAnalysisService;
import org.compassioncourse.instructor.XapiStatementsExport;
import org.compassioncourse.instructor.LearnerRow;
import org.compassioncourse.instructor.LearnerStatus;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.support.Learners;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.compassioncourse.support.ScratchPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The postgres profile against a real PostgreSQL (127.0.0.1:5432 by default, or COURSE_TEST_POSTGRES_URL).
 * Skips with a message where none is reachable, so the default suite runs anywhere.
 */
class PostgresProfileIT {

    private static final String SERVER = ScratchPostgres.SERVER;
    private static final String USER = ScratchPostgres.USER;
    private static final String DATABASE = "compassion_course_it_" + ProcessHandle.current().pid();

    @BeforeAll
    static void createDatabase() {
        ScratchPostgres.create(DATABASE, "PostgreSQL profile tests");
    }

    @AfterAll
    static void dropDatabase() {
        ScratchPostgres.drop(DATABASE);
    }

    private static void signIn(CurrentUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @Test
    void postgresProfileMigratesTheSchemaAndStoresAccounts() {
        try (var app = new SpringApplicationBuilder(Application.class).profiles("postgres", "demo")
                .run("--DATABASE_URL=" + SERVER + DATABASE, "--DATABASE_USER=" + USER, "--server.port=0",
                        "--course.content-dir=src/test/resources/course-fixture",
                        "--logging.level.root=warn")) {
            AccountService accounts = app.getBean(AccountService.class);
            Learners people = Learners.in(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from user_account where email not like '%@synthetic.invalid'", Long.class))
                    .as("demo learner and instructor").isEqualTo(2);
            // the synthetic cohort generator's SQL runs on PostgreSQL too
            assertThat(jdbc.queryForObject("select count(*) from cohort_member m join cohort c on c.id = m.cohort_id"
                    + " where c.name = '[Synthetic] 150 learners'", Long.class)).isEqualTo(150);
            long before = accounts.countAccounts();
            CurrentUser pia = people.learner("Pia Postgres", "pia@ward7.example");
            assertThat(accounts.countAccounts()).isEqualTo(before + 1);

            // the instructor's cohort overview runs its hand-written SQL on PostgreSQL too
            CurrentUser teacher = people.instructor("Pat Teacher", "pat@ward7.example");
            signIn(teacher);
            CohortSummary cohort = app.getBean(CohortService.class).createCohort("Postgres ward");
            signIn(pia);
            app.getBean(CohortService.class).join(cohort.joinCode());
            app.getBean(ProgressService.class).reachSection("first-lesson", "sharing-pain");
            people.take(QuizSettings.Kind.KNOWLEDGE_CHECK, "first-lesson", true, 1500);
            people.take(QuizSettings.Kind.PRE_TEST, null, false, 1500);
            signIn(teacher);
            CohortReports review = app.getBean(CohortReports.class);
            assertThat(review.learners(cohort.id(), LearnerStatus.IN_PROGRESS, CohortReports.SortColumn.LAST_ACTIVE, false, 0, 10))
                    .extracting(LearnerRow::displayName).containsExactly("Pia Postgres");
            assertThat(review.overview(cohort.id()).started()).isEqualTo(1);
            assertThat(app.getBean(ItemAnalysisService.class).report(cohort.id(), QuizSettings.Kind.PRE_TEST).attempts()).isEqualTo(1);
            // and the xAPI export streams from PostgreSQL (fetch size inside a read-only transaction)
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            long statements = app.getBean(XapiStatementsExport.class).writeCohort(cohort.id(), out);
            tools.jackson.databind.JsonNode parsed = tools.jackson.databind.json.JsonMapper.builder().build().readTree(out.toByteArray());
            // 1 lesson experienced, 2 quizzes completed, 6 + 1 answers
            assertThat(statements).isEqualTo(10);
            assertThat(parsed.size()).isEqualTo(10);

            // administration: the list's criteria query, erasure and the audit log's joins run on PostgreSQL too
            signIn((CurrentUser) app.getBean(org.springframework.security.core.userdetails.UserDetailsService.class)
                    .loadUserByUsername("instructor@example.org"));
            var administration = app.getBean(org.compassioncourse.administration.AccountAdministration.class);
            var filter = new org.compassioncourse.account.AccountFilter("PIA", org.compassioncourse.account.AccountFilter.RoleFilter.LEARNER,
                    org.compassioncourse.account.AccountFilter.Status.ACTIVE);
            assertThat(administration.countAccounts(filter)).isEqualTo(1);
            assertThat(administration.accounts(filter, 0, 10, java.util.List.of(new org.compassioncourse.account.AccountSort(
                    org.compassioncourse.account.AccountSort.Field.CREATED, false)))).extracting(r -> r.id()).containsExactly(pia.accountId());
            administration.erase(pia.accountId());
            assertThat(administration.auditLog(0, 1).getFirst().subjectLabel()).startsWith("Former learner #" + pia.accountId());
            signIn(teacher);
            assertThat(app.getBean(ItemAnalysisService.class).report(cohort.id(), QuizSettings.Kind.PRE_TEST).attempts()).isEqualTo(1);
            // the events of all this (knowledge check, pre-test, erasure) went through Modulith's registry on PostgreSQL,
            // every listener completed, and the metric's query runs there too
            assertThat(jdbc.queryForObject("select count(*) from event_publication where completion_date is null"
                    + " and publication_date < current_timestamp - interval '1' minute", Long.class)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from event_publication where completion_date is null", Long.class))
                    .as("no publication left incomplete").isZero();
            SecurityContextHolder.clearContext();
        }
    }
}

package org.compassioncourse.account;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;

import org.compassioncourse.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default profile's H2 file database: what is stored survives a restart; demo accounts only under the demo
 * profile, made once, and never with prod.
 * An IT because it starts whole applications, which must not share a JVM with the browserless tests
 * (each application installs its own security-context holder).
 */
class AccountPersistenceIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String... profiles) {
        return new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET)
                .profiles(profiles)
                // command-line arguments outrank application.yaml (builder properties would not)
                .run("--course.data-dir=" + dataDir, "--course.content-dir=src/test/resources/course-fixture",
                        "--logging.level.root=warn", "--server.port=0");
    }

    @Test
    void registeredLearnerStillExistsAfterTheApplicationRestartsOnTheSameFile() {
        try (var first = start()) {
            first.getBean(AccountService.class).registerLearner(
                    new RegistrationForm("Pat Persistent", "pat@ward7.example", "calm-harbour-lantern"));
        }
        try (var second = start()) {
            CurrentUser pat = second.getBean(AccountUserDetailsService.class).loadUserByUsername("pat@ward7.example");
            assertThat(pat.displayName()).isEqualTo("Pat Persistent");
            assertThat(second.getBean(AccountService.class).countAccounts()).isEqualTo(1);
        }
        assertThat(dataDir.resolve("compassion-course.mv.db")).exists();
    }

    @Test
    void demoLearnerAndInstructorAreCreatedOnlyOnAnEmptyDatabaseAndTheInstructorGetsASyntheticCohort() {
        long accounts;
        try (var first = start("demo")) {
            var users = first.getBean(AccountUserDetailsService.class);
            assertThat(users.loadUserByUsername("learner@example.org").role()).isEqualTo(Role.LEARNER);
            CurrentUser instructor = users.loadUserByUsername("instructor@example.org");
            assertThat(instructor.role()).isEqualTo(Role.INSTRUCTOR);
            assertThat(instructor.isAdministrator()).as("the demo instructor can try the administration pages").isTrue();
            assertThat(users.loadUserByUsername("learner@example.org").isAdministrator()).isFalse();
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from user_account where email not like '%@synthetic.invalid'", Long.class))
                    .as("real accounts: just the two demo ones").isEqualTo(2);
            assertThat(jdbc.queryForList("select c.name from cohort c where c.instructor_id = ?", String.class, instructor.accountId()))
                    .containsExactly("[Synthetic] 150 learners");
            assertThat(jdbc.queryForObject("select count(*) from cohort_member", Long.class)).isEqualTo(150);
            accounts = first.getBean(AccountService.class).countAccounts();
        }
        try (var second = start("demo")) {
            assertThat(second.getBean(AccountService.class).countAccounts()).as("no duplicates on restart").isEqualTo(accounts);
            assertThat(second.getBean(JdbcTemplate.class).queryForObject("select count(*) from cohort", Long.class)).isEqualTo(1);
        }
    }

    @Test
    void plainStartWithoutTheDemoProfileCreatesNoDemoAccountsAndNoSyntheticCohort() {
        try (var plain = start()) {
            assertThat(plain.getBean(AccountService.class).countAccounts()).as("like java -jar with no profile").isZero();
            assertThat(plain.getBean(JdbcTemplate.class).queryForObject("select count(*) from cohort", Long.class)).isZero();
        }
    }

    @Test
    void prodProfileNeverCreatesDemoAccountsEvenWithTheDemoProfile() {
        try (var prod = start("demo", "prod")) {
            assertThat(prod.getBean(AccountService.class).countAccounts()).isZero();
        }
    }
}

package org.compassioncourse.loadtest;

import org.compassioncourse.account.AccountCounts;
import org.compassioncourse.account.SyntheticAccounts;
import org.compassioncourse.cohort.SyntheticCohorts;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loadtest profile's seeding, on a fresh in-memory database with the real migrations (no Spring context). */
class LoadTestAccountsTest {

    private JdbcTemplate jdbc;
    private DriverManagerDataSource dataSource;
    private final AtomicInteger hashes = new AtomicInteger();
    private final PasswordEncoder countingEncoder = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            hashes.incrementAndGet();
            return "{noop}" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return encoded.equals("{noop}" + raw);
        }
    };

    @BeforeEach
    void freshDatabase() {
        dataSource = new DriverManagerDataSource("jdbc:h2:mem:loadtest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    private LoadTestAccounts accounts(MockEnvironment environment) {
        return new LoadTestAccounts(new AccountCounts(jdbc), new SyntheticAccounts(jdbc, countingEncoder), new SyntheticCohorts(jdbc),
                new LoadTestProperties(5, "pw-for-tests"), environment, new DataSourceTransactionManager(dataSource));
    }

    private void run(LoadTestAccounts accounts) {
        accounts.run(new DefaultApplicationArguments());
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private void account(String email) {
        jdbc.update("insert into user_account (email, display_name, password_hash, role, created_at) values (?, 'Someone', 'x', 'LEARNER', ?)",
                email, Timestamp.from(Instant.now()));
    }

    @Test
    void seedsSyntheticLearnersInTheInstructorsCohortHashingThePasswordOnceAndOnlyOnce() {
        run(accounts(new MockEnvironment()));

        assertThat(count("select count(*) from user_account where role = 'LEARNER' and email like '%@loadtest.invalid'"
                + " and display_name like '[Load test] %'")).isEqualTo(5);
        assertThat(count("select count(*) from user_account where email = 'instructor@loadtest.invalid' and role = 'INSTRUCTOR'")).isEqualTo(1);
        assertThat(count("select count(*) from cohort_member m join cohort c on c.id = m.cohort_id join user_account i"
                + " on i.id = c.instructor_id where i.email = 'instructor@loadtest.invalid'")).isEqualTo(5);
        assertThat(jdbc.queryForObject("select password_hash from user_account where email = ?", String.class,
                LoadTestAccounts.learnerEmail(5))).isEqualTo("{noop}pw-for-tests");
        assertThat(hashes).hasValue(1);

        run(accounts(new MockEnvironment())); // a restart on the seeded database
        assertThat(count("select count(*) from user_account")).isEqualTo(6);
        assertThat(hashes).hasValue(1);
    }

    @Test
    void refusesToRunWithTheProdProfile() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("loadtest", "prod");

        assertThatThrownBy(() -> run(accounts(prod))).isInstanceOf(IllegalStateException.class).hasMessageContaining("prod");
        assertThat(count("select count(*) from user_account")).isZero();
    }

    @Test
    void refusesADatabaseWithRealAccountsButNotOneWithDemoOrSyntheticOnes() {
        account("learner@example.org");
        account("instructor@example.org");
        account("learner-x-1@synthetic.invalid");
        run(accounts(new MockEnvironment()));
        assertThat(count("select count(*) from user_account where email like '%@loadtest.invalid'")).isEqualTo(6);

        account("nurse@hospital.example");
        jdbc.update("delete from cohort_member");
        jdbc.update("delete from cohort");
        jdbc.update("delete from user_account where email like '%@loadtest.invalid'");
        assertThatThrownBy(() -> run(accounts(new MockEnvironment()))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("real accounts");
        assertThat(count("select count(*) from user_account where email like '%@loadtest.invalid'")).isZero();
    }
}

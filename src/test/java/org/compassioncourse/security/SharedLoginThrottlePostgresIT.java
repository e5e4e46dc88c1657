package org.compassioncourse.security;

import org.compassioncourse.support.ScratchPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The V7 migration and the throttle's queries on a real PostgreSQL, with two app nodes sharing it (127.0.0.1:5432 by
 * default, or COURSE_TEST_POSTGRES_URL). Skips with a message where none is reachable, as PostgresProfileIT does.
 */
class SharedLoginThrottlePostgresIT {

    private static final String SERVER = ScratchPostgres.SERVER;
    private static final String USER = ScratchPostgres.USER;
    private static final String DATABASE = "compassion_throttle_it_" + ProcessHandle.current().pid();

    @BeforeAll
    static void createDatabase() {
        ScratchPostgres.create(DATABASE, "PostgreSQL throttle tests");
    }

    @AfterAll
    static void dropDatabase() {
        ScratchPostgres.drop(DATABASE);
    }

    @Test
    void twoNodesOnOnePostgresqlDatabaseCountEachOthersFailuresPerEmailAndPerAddress() {
        DataSource database = ThrottleDatabase.migrated(new DriverManagerDataSource(SERVER + DATABASE, USER, ""));
        ThrottleProperties limits = ThrottleProperties.defaults();
        ThrottleDatabase.TestClock clock = new ThrottleDatabase.TestClock();
        LoginThrottle one = ThrottleDatabase.node(database, clock, limits);
        LoginThrottle other = ThrottleDatabase.node(database, clock, limits);

        for (int i = 0; i < limits.loginFailuresPerEmail(); i++) {
            (i % 2 == 0 ? one : other).recordFailure("shared@ward7.example", "192.0.2." + i);
        }
        assertThat(other.isPaused("SHARED@ward7.example", "192.0.2.200")).isTrue();
        one.recordSuccess("shared@ward7.example");
        assertThat(other.isPaused("shared@ward7.example", "192.0.2.200")).isFalse();

        for (int i = 0; i < limits.loginFailuresPerAddress(); i++) {
            (i % 2 == 0 ? one : other).recordFailure("spray" + i + "@ward7.example", "198.51.100.7");
        }
        assertThat(one.isPaused("anyone@ward7.example", "198.51.100.7")).isTrue();
        assertThat(one.isPaused("anyone@ward7.example", "198.51.100.8")).isFalse();

        clock.advance(limits.loginWindow().plusSeconds(1));
        assertThat(other.isPaused("anyone@ward7.example", "198.51.100.7")).isFalse();
        clock.advance(limits.registrationWindow());
        assertThat(new ThrottleEvents(database, clock, limits).prune()).isEqualTo(limits.loginFailuresPerEmail() * 2
                + limits.loginFailuresPerAddress() * 2 - limits.loginFailuresPerEmail());
    }

    @Test
    void parallelAttemptsOnTwoNodesOnPostgresqlLetExactlyTheLimitThrough() throws Exception {
        DataSource database = ThrottleDatabase.migrated(new DriverManagerDataSource(SERVER + DATABASE, USER, ""));
        ThrottleProperties limits = ThrottleProperties.defaults();
        ThrottleDatabase.TestClock clock = new ThrottleDatabase.TestClock();
        LoginThrottle one = ThrottleDatabase.node(database, clock, limits);
        LoginThrottle other = ThrottleDatabase.node(database, clock, limits);

        assertThat(ThrottleDatabase.admittedOfParallelAttempts("burst@ward7.example", 3 * limits.loginFailuresPerEmail(), one, other))
                .isEqualTo(limits.loginFailuresPerEmail());
    }
}

package org.compassioncourse;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On a freshly created H2 file database, Flyway builds the schema through one pooled connection; Hikari later
 * retires that connection (maxLifetime) while the database stays open through the pool's other connections.
 * H2 2.4.240 bound CHECK (... IN (...)) constraints to the session that created them, so from then on every
 * insert into those tables failed with "Check constraint invalid ... The database has been closed [90098]"
 * (h2database issues #4292, #4302, #4308, #4342). This test replays that sequence.
 */
class SchemaCreatedByOneConnectionAcceptsInsertsFromAnotherTest {

    @TempDir
    Path dataDir;

    @Test
    void insertsIntoCheckedTablesSucceedAfterTheMigratingConnectionIsClosed() throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("compassion-course") + ";DB_CLOSE_ON_EXIT=FALSE";
        // another pooled connection keeps the database open, as Hikari's pool does
        try (Connection keepsDatabaseOpen = DriverManager.getConnection(url, "sa", "")) {
            try (Connection migrating = DriverManager.getConnection(url, "sa", "")) {
                Flyway.configure().dataSource(new SingleConnectionDataSource(migrating, true))
                        .locations("classpath:db/migration").load().migrate();
            }

            try (Connection later = DriverManager.getConnection(url, "sa", "")) {
                long instructor = insertAccount(later, "instructor@example.org", "INSTRUCTOR");
                long learner = insertAccount(later, "learner@example.org", "LEARNER");
                try (Statement s = later.createStatement()) {
                    s.executeUpdate("insert into quiz_attempt (user_id, kind, content_version, question_ids, seed, started_at)"
                            + " values (" + learner + ", 'FINAL_ASSESSMENT', 1, 'q1', 7, current_timestamp)");
                    s.executeUpdate("insert into attempt_grant (user_id, kind, granted_by, granted_by_name, granted_at)"
                            + " values (" + learner + ", 'FINAL_ASSESSMENT', " + instructor + ", 'Ina', current_timestamp)");
                }

                // the constraints still hold: a value outside the list is refused
                assertThatThrownBy(() -> insertAccount(later, "admin@example.org", "ADMIN"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("CK_USER_ACCOUNT_ROLE");
                try (Statement s = later.createStatement()) {
                    assertThatThrownBy(() -> s.executeUpdate("insert into quiz_attempt (user_id, kind, content_version,"
                            + " question_ids, seed, started_at) values (" + learner + ", 'EXAM', 1, 'q1', 7, current_timestamp)"))
                            .hasMessageContaining("CK_QUIZ_ATTEMPT_KIND");
                    assertThatThrownBy(() -> s.executeUpdate("insert into attempt_grant (user_id, kind, granted_by,"
                            + " granted_by_name, granted_at) values (" + learner + ", 'PRE_TEST', " + instructor
                            + ", 'Ina', current_timestamp)"))
                            .hasMessageContaining("CK_ATTEMPT_GRANT_KIND");
                    var rows = s.executeQuery("select (select count(*) from user_account), (select count(*) from quiz_attempt),"
                            + " (select count(*) from attempt_grant)");
                    rows.next();
                    assertThat(new int[] {rows.getInt(1), rows.getInt(2), rows.getInt(3)}).containsExactly(2, 1, 1);
                }
            }
        }
    }

    private static long insertAccount(Connection connection, String email, String role) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into user_account (email, display_name, password_hash, role, created_at)"
                        + " values (?, ?, 'x', ?, current_timestamp)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, email);
            insert.setString(2, email);
            insert.setString(3, role);
            insert.executeUpdate();
            var keys = insert.getGeneratedKeys();
            keys.next();
            return keys.getLong(1);
        }
    }
}

package org.compassioncourse.operations;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One of the suspects for lost answers on H2, ruled out: {@code WRITE_DELAY=0} from the JDBC URL is a setting of the
 * open database (H2 reads it when the database opens and hands it to MVStore), not of the connection, so it holds for
 * every pooled connection, after the connection that opened the database has closed, and after the database closed
 * and was opened again by a connection with the same URL.
 */
class H2WriteDelaySettingTest {

    @TempDir
    Path dir;

    @Test
    void writeDelayFromTheUrlHoldsForEveryPooledConnectionAndAfterTheOpeningConnectionCloses() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(4);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            List<Connection> held = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                held.add(pool.getConnection());
            }
            for (Connection connection : held) {
                assertThat(writeDelay(connection)).isZero();
            }
            held.getFirst().unwrap(Connection.class).close(); // the physical connection that opened the database
            for (Connection connection : held.subList(1, held.size())) {
                assertThat(writeDelay(connection)).isZero();
                connection.close();
            }
            pool.getHikariPoolMXBean().softEvictConnections();
            try (Connection fresh = pool.getConnection()) {
                assertThat(writeDelay(fresh)).isZero();
            }
        }
        // every connection closed, so the database closed; the app's URL opens it with the setting again
        try (Connection reopened = DriverManager.getConnection(url, "sa", "")) {
            assertThat(writeDelay(reopened)).isZero();
        }
    }

    private static int writeDelay(Connection connection) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery(
                "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
            assertThat(row.next()).isTrue();
            return Integer.parseInt(row.getString(1));
        }
    }
}

package org.compassioncourse.operations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Child process of {@link H2ChunkHeaderLossTest}: plain H2, no app. Commits {@code count} rows one per transaction
 * (each after an update that leaves a dead chunk behind, so MVStore reuses file space as a long-running server does),
 * prints "CONFIRMED &lt;id&gt;" after each commit returns, then halts the JVM: no close, no shutdown hook, as kill -9.
 */
public final class H2ChunkWriter {

    private H2ChunkWriter() {
    }

    public static void main(String[] args) throws SQLException {
        String url = args[0];
        int count = Integer.parseInt(args[1]);
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            Statement ddl = connection.createStatement();
            ddl.execute("create table if not exists answer(id int primary key, text varchar(2000))");
            ddl.execute("create table if not exists scratch(id int primary key, text varchar(20000))");
            ddl.execute("merge into scratch values (1, '')");
            int first;
            try (ResultSet max = ddl.executeQuery("select coalesce(max(id), 0) + 1 from answer")) {
                max.next();
                first = max.getInt(1);
            }
            PreparedStatement insert = connection.prepareStatement("insert into answer values (?, ?)");
            PreparedStatement rewrite = connection.prepareStatement("update scratch set text = ? where id = 1");
            for (int id = first; id < first + count; id++) {
                rewrite.setString(1, "x".repeat(5000 + id % 7 * 1000));
                rewrite.executeUpdate();
                insert.setInt(1, id);
                insert.setString(2, "answer " + id + " " + "y".repeat(100));
                insert.executeUpdate();
                System.out.println("CONFIRMED " + id);
                System.out.flush();
            }
            Runtime.getRuntime().halt(0); // with the connection open: closing it would close the database cleanly
        }
    }
}

package org.compassioncourse.support;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A throw-away PostgreSQL database for one test class (127.0.0.1:5432 as postgres by default, or
 * COURSE_TEST_POSTGRES_URL / COURSE_TEST_POSTGRES_USER). Where no PostgreSQL answers, the test is skipped with a
 * message, so the default suite runs anywhere.
 */
public final class ScratchPostgres {

    public static final String SERVER = System.getenv().getOrDefault("COURSE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = System.getenv().getOrDefault("COURSE_TEST_POSTGRES_USER", "postgres");

    private ScratchPostgres() {
    }

    /** Creates the database, or skips the calling test ("<what> skipped: no PostgreSQL at …"). */
    public static void create(String database, String what) {
        try {
            createOrFail(database);
        } catch (SQLException unreachable) {
            System.err.println(what + " skipped: no PostgreSQL at " + SERVER + " (" + unreachable.getMessage() + ")");
            Assumptions.abort(what + " skipped: no PostgreSQL at " + SERVER + " (" + unreachable.getMessage() + ")");
        }
    }

    /** Creates the database; for callers that report a missing PostgreSQL their own way (a benchmark's table line). */
    public static void createOrFail(String database) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement sql = admin.createStatement()) {
            sql.execute("create database " + database);
        }
    }

    /** Drops the database if it exists; nothing to do where no PostgreSQL answers (nothing was created). */
    public static void drop(String database) {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException unreachable) {
            // nothing was created
        }
    }

    public static String url(String database) {
        return SERVER + database;
    }
}

package org.compassioncourse.support;

import com.zaxxer.hikari.HikariDataSource;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The tests' connection pool (application-test.yaml names it as {@code spring.datasource.type}): Hikari as in the app,
 * counting every SQL statement a thread sends, whoever sends it (JPA, JdbcClient, Flyway), so a test can bound the
 * statements one page load costs. Counting is per thread and only inside {@link #count}: background jobs never add up.
 */
public class CountingDataSource extends HikariDataSource {

    private static final ThreadLocal<long[]> COUNTER = new ThreadLocal<>();
    private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall");
    private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch",
            "executeLargeBatch");

    /** What ran and how many statements it sent from this thread. */
    public record Counted<T>(T result, long statements) {
    }

    public static <T> Counted<T> count(Supplier<T> work) {
        long[] previous = COUNTER.get();
        long[] counter = new long[1];
        COUNTER.set(counter);
        try {
            T result = work.get();
            return new Counted<>(result, counter[0]);
        } finally {
            COUNTER.set(previous);
        }
    }

    public static long statementsOf(Runnable work) {
        return count(() -> {
            work.run();
            return null;
        }).statements();
    }

    private static void counted() {
        long[] counter = COUNTER.get();
        if (counter != null) {
            counter[0]++;
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counting(super.getConnection());
    }

    private static Connection counting(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(connection, method, args);
            if (PREPARING.contains(method.getName())) {
                counted(); // one prepared statement is one SQL statement sent (executed once or more: same shape)
            } else if (method.getName().equals("createStatement") && result instanceof Statement statement) {
                return countingExecutes(statement);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Statement countingExecutes(Statement statement) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (EXECUTING.contains(method.getName())) {
                counted();
            }
            return invoke(statement, method, args);
        };
        return (Statement) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {Statement.class}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

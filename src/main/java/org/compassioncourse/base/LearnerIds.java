package org.compassioncourse.base;

import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/**
 * A set of learners handed from one module to another's query: one SQL array parameter, used as
 * {@code user_id = any(:learners)}, so a module answers for thousands of learners in one statement of its own tables
 * (no list of thousands of placeholders, no limit on how many; H2 and PostgreSQL both use the index for it).
 */
public final class LearnerIds {

    private LearnerIds() {
    }

    /** The ids as a parameter value for a {@code NamedParameterJdbcTemplate} or {@code JdbcTemplate} query. */
    public static AbstractSqlTypeValue array(Collection<Long> userIds) {
        Long[] ids = userIds.toArray(Long[]::new);
        return new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(Connection connection, int sqlType, String typeName) throws SQLException {
                return connection.createArrayOf("BIGINT", ids);
            }
        };
    }
}

package org.compassioncourse.base;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A set of learners handed from one module to another module's query, used as {@code user_id in (...)}: either a few
 * user ids (a page of a grid, one learner, a chunk of an export) or, for a whole cohort, the sub-select the cohort
 * module writes for its members. The receiving module never names another module's table, and the database still
 * joins the two with an index, which matters at 10,000 learners: an array parameter ({@code = any(?)}) made H2 scan
 * every row against the whole array (summary figures 200 ms → 3.7 s).
 */
public final class LearnerSet {

    private static final AtomicLong NAMES = new AtomicLong();

    private final String sql;
    private final Map<String, ?> parameters;
    private final boolean empty;

    private LearnerSet(String sql, Map<String, ?> parameters, boolean empty) {
        this.sql = sql;
        this.parameters = parameters;
        this.empty = empty;
    }

    /** These learners (keep it to hundreds: each id is one bind parameter). */
    public static LearnerSet of(Collection<Long> userIds) {
        String name = "learnerIds" + NAMES.incrementAndGet();
        return new LearnerSet(":" + name, Map.of(name, List.copyOf(userIds)), userIds.isEmpty());
    }

    /**
     * The learners a sub-select returns; for the module that owns the table it reads (the cohort module's members).
     * Its parameter names must not clash with the receiving query's: prefix them.
     */
    public static LearnerSet select(String subSelect, Map<String, ?> parameters) {
        return new LearnerSet(subSelect, Map.copyOf(parameters), false);
    }

    /** True only for an empty list of ids (a sub-select may still return nobody). */
    public boolean isEmpty() {
        return empty;
    }

    /** The condition {@code column in (...)} for a query's where clause. */
    public String in(String column) {
        return column + " in (" + sql + ")";
    }

    /** The query's parameters with this set's added. */
    public MapSqlParameterSource addTo(MapSqlParameterSource parameters) {
        return parameters.addValues(this.parameters);
    }

    /** This set's parameters alone. */
    public MapSqlParameterSource parameters() {
        return addTo(new MapSqlParameterSource());
    }
}

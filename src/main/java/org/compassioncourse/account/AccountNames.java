package org.compassioncourse.account;

import org.compassioncourse.base.LearnerSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The names and emails of accounts, for other modules that show who someone is (a cohort's instructor, learners in a
 * report): many at once in one statement. No access check: callers decide who may see whom first; views never use
 * this.
 */
@Service
public class AccountNames {

    /** How a person is named in reports. */
    public record Name(String displayName, String email) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    AccountNames(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's display name. */
    @Transactional(readOnly = true)
    public String displayName(long userId) {
        return Objects.requireNonNull(jdbc.queryForObject("select display_name from user_account where id = :id",
                Map.of("id", userId), String.class));
    }

    /** The names of those {@code learners} whose accounts exist. */
    @Transactional(readOnly = true)
    public Map<Long, Name> of(LearnerSet learners) {
        Map<Long, Name> names = new HashMap<>();
        if (learners.isEmpty()) {
            return names;
        }
        jdbc.query("select u.id, u.display_name, u.email from user_account u" + learners.join("u.id") + "where " + learners.where("u.id"), learners.parameters(),
                rs -> {
                    names.put(rs.getLong("id"), new Name(rs.getString("display_name"), rs.getString("email")));
                });
        return names;
    }

    /** The names of these accounts (a few hundred at most: see {@link LearnerSet#of}). */
    public Map<Long, Name> of(Collection<Long> userIds) {
        return of(LearnerSet.of(userIds));
    }
}

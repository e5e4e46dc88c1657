package org.compassioncourse.lrs;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The table {@code xapi_outbox}: statements written in the learner's transaction, claimed by one sender at a time.
 * A claim is one UPDATE that takes due rows nobody holds (or whose holder's claim ran out) and stamps them with the
 * sender's token; it re-checks "nobody holds it" on each row it updates, so of two senders racing for a row, the
 * second one's update finds it taken and skips it (on PostgreSQL the candidates are also read with SKIP LOCKED, so
 * the two take different rows instead of queueing). Every later update names the token, so a sender whose claim ran
 * out and was taken over changes nothing.
 */
@Component
class XapiOutbox {

    /** A claimed statement: its id, its JSON and how often it was tried before. */
    record Claimed(String statementId, String statement, int tries) {
    }

    private static final int MESSAGE_LENGTH = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private volatile @Nullable Boolean postgres;

    XapiOutbox(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the statements not in the outbox yet (by id); joins the caller's transaction. Returns how many were new.
     * Two transactions adding the same id at once: the second fails on the primary key and its action rolls back
     * (the learner's actions that can do so, completing a lesson in two tabs, retry once on such a conflict).
     */
    int add(long userId, List<ObjectNode> statements, Instant now) {
        int added = 0;
        for (ObjectNode statement : statements) {
            added += jdbc.update("insert into xapi_outbox (statement_id, user_id, verb, object_id, statement, created_at, state,"
                            + " tries, next_try_at) select :id, :user, :verb, :object, :statement, :now, 'PENDING', 0, :now"
                            + " from (values (1)) x where not exists (select 1 from xapi_outbox o where o.statement_id = :id)",
                    new MapSqlParameterSource("id", statement.path("id").asString())
                            .addValue("user", userId)
                            .addValue("verb", statement.path("verb").path("id").asString())
                            .addValue("object", statement.path("object").path("id").asString())
                            .addValue("statement", statement.toString())
                            .addValue("now", time(now)));
        }
        return added;
    }

    /** Claims up to {@code limit} due statements for {@code token} until {@code until}, oldest first (own statement, committed at once). */
    List<Claimed> claim(String token, Instant now, Instant until, int limit) {
        String free = "state = 'PENDING' and next_try_at <= :now and (claimed_until is null or claimed_until < :now)";
        String candidates = "select statement_id from xapi_outbox where " + free + " order by created_at, statement_id limit :limit"
                + (isPostgres() ? " for update skip locked" : "");
        MapSqlParameterSource parameters = new MapSqlParameterSource("token", token).addValue("now", time(now))
                .addValue("until", time(until)).addValue("limit", limit);
        int claimed = jdbc.update("update xapi_outbox set claimed_by = :token, claimed_until = :until where statement_id in ("
                + candidates + ") and " + free, parameters);
        if (claimed == 0) {
            return List.of();
        }
        return jdbc.query("select statement_id, statement, tries from xapi_outbox where claimed_by = :token and state = 'PENDING'"
                        + " order by created_at, statement_id", parameters,
                (rs, n) -> new Claimed(rs.getString("statement_id"), rs.getString("statement"), rs.getInt("tries")));
    }

    /** Holds the token's rows a while longer (before each further request of a long batch). */
    void renew(String token, Instant until) {
        jdbc.update("update xapi_outbox set claimed_until = :until where claimed_by = :token",
                new MapSqlParameterSource("token", token).addValue("until", time(until)));
    }

    /** The store holds these statements now. */
    void sent(String token, List<String> ids, Instant now, int status, String message) {
        finish(token, ids, "state = 'SENT', sent_at = :now, last_status = :status, last_message = :message, tries = tries + 1",
                now, status, message, null);
    }

    /** The store refused these statements for what they are: they wait for an administrator's "retry now". */
    void refused(String token, List<String> ids, Instant now, int status, String message) {
        finish(token, ids, "state = 'FAILED', last_status = :status, last_message = :message, tries = tries + 1",
                now, status, message, null);
    }

    /** The store did not take this statement this time (no answer, 5xx, 429, 401...): it is tried again at {@code next}. */
    void retryLater(String token, String id, Instant now, @Nullable Integer status, String message, Instant next) {
        finish(token, List.of(id), "last_status = :status, last_message = :message, tries = tries + 1, next_try_at = :next",
                now, status, message, next);
    }

    private void finish(String token, List<String> ids, String set, Instant now, @Nullable Integer status, String message,
                        @Nullable Instant next) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update("update xapi_outbox set " + set + ", last_try_at = :now, claimed_by = null, claimed_until = null"
                        + " where statement_id in (:ids) and claimed_by = :token",
                new MapSqlParameterSource("token", token).addValue("ids", ids).addValue("now", time(now))
                        .addValue("status", status).addValue("next", next == null ? null : time(next))
                        .addValue("message", message.length() > MESSAGE_LENGTH ? message.substring(0, MESSAGE_LENGTH) : message));
    }

    /** Refused and retrying statements become due now; returns how many. */
    int retryNow(Instant now) {
        return jdbc.update("update xapi_outbox set state = 'PENDING', next_try_at = :now where state = 'FAILED'"
                + " or (state = 'PENDING' and tries > 0)", new MapSqlParameterSource("now", time(now)));
    }

    /** Deletes statements sent before {@code cutoff}; returns how many went. Unsent ones stay, however old. */
    int deleteSentBefore(Instant cutoff) {
        return jdbc.update("delete from xapi_outbox where state = 'SENT' and sent_at < :cutoff",
                new MapSqlParameterSource("cutoff", time(cutoff)));
    }

    /** An erased learner's statements name them: they go, sent or not. */
    int forget(long userId) {
        return jdbc.update("delete from xapi_outbox where user_id = :user", new MapSqlParameterSource("user", userId));
    }

    Map<OutboxStatus, Long> counts() {
        Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
        for (OutboxStatus status : OutboxStatus.values()) {
            counts.put(status, count(status));
        }
        return counts;
    }

    long count(OutboxStatus status) {
        Long count = jdbc.queryForObject("select count(*) from xapi_outbox o where " + status.condition, Map.of(), Long.class);
        return count == null ? 0 : count;
    }

    /** One page of the statements in {@code status}, newest first. */
    List<OutboxRow> page(OutboxStatus status, int offset, int limit) {
        return jdbc.query("select o.statement_id, o.verb, o.object_id, o.created_at, o.tries, o.next_try_at, o.last_try_at,"
                        + " o.sent_at, o.last_status, o.last_message from xapi_outbox o where " + status.condition
                        + " order by o.created_at desc, o.statement_id limit :limit offset :offset",
                new MapSqlParameterSource("limit", limit).addValue("offset", offset),
                (rs, n) -> new OutboxRow(rs.getString("statement_id"), rs.getString("verb"), rs.getString("object_id"),
                        Objects.requireNonNull(instant(rs, "created_at")), status, rs.getInt("tries"),
                        status == OutboxStatus.SENT || status == OutboxStatus.FAILED ? null : instant(rs, "next_try_at"),
                        instant(rs, "last_try_at"), instant(rs, "sent_at"), (Integer) rs.getObject("last_status", Integer.class),
                        rs.getString("last_message")));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(jdbc.getJdbcTemplate().execute((Connection connection) ->
                    connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
            postgres = known;
        }
        return known;
    }
}

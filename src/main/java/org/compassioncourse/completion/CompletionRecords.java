package org.compassioncourse.completion;

import org.compassioncourse.base.LearnerSet;
import org.compassioncourse.cohort.CohortMembers;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The completion feature's tables (V11): completions, evaluations and certificates. Only this package's services use
 * it; they check who is asking before they call it.
 */
@Component
class CompletionRecords {

    private final NamedParameterJdbcTemplate jdbc;
    private final CohortMembers members;

    CompletionRecords(NamedParameterJdbcTemplate jdbc, CohortMembers members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    record Completion(Instant completedAt, double finalScore, int courseVersion) {
    }

    record EvaluationAnswer(String itemId, String itemText, @Nullable Integer likert, @Nullable String text) {
    }

    Optional<Completion> completion(long userId) {
        return jdbc.query("select completed_at, final_score, course_version from course_completion where user_id = :u",
                Map.of("u", userId), (rs, n) -> new Completion(instant(rs.getObject("completed_at", OffsetDateTime.class)),
                        rs.getDouble("final_score"), rs.getInt("course_version"))).stream().findFirst();
    }

    /** Records the completion; the primary key refuses a second row for the learner (another tab, a race). */
    void recordCompletion(long userId, Instant completedAt, double finalScore, int courseVersion, Instant now) {
        jdbc.update("insert into course_completion (user_id, completed_at, final_score, course_version, recorded_at)"
                + " values (:u, :at, :score, :version, :now)",
                new MapSqlParameterSource("u", userId).addValue("at", time(completedAt)).addValue("score", finalScore)
                        .addValue("version", courseVersion).addValue("now", time(now)));
    }

    Optional<Instant> evaluationSubmittedAt(long userId) {
        return jdbc.query("select submitted_at from course_evaluation where user_id = :u", Map.of("u", userId),
                (rs, n) -> instant(rs.getObject("submitted_at", OffsetDateTime.class))).stream().findFirst();
    }

    /** Stores the evaluation; the unique key on user_id refuses a second one. */
    void saveEvaluation(long userId, int courseVersion, Instant now, List<EvaluationAnswer> answers) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("insert into course_evaluation (user_id, course_version, submitted_at) values (:u, :version, :now)",
                new MapSqlParameterSource("u", userId).addValue("version", courseVersion).addValue("now", time(now)), key, new String[] {"id"});
        long evaluationId = key.getKey().longValue();
        for (EvaluationAnswer answer : answers) {
            jdbc.update("insert into evaluation_answer (evaluation_id, item_id, item_text, likert, answer_text)"
                    + " values (:e, :item, :itemText, :likert, :text)", new MapSqlParameterSource("e", evaluationId)
                    .addValue("item", answer.itemId()).addValue("itemText", answer.itemText())
                    .addValue("likert", answer.likert()).addValue("text", answer.text()));
        }
    }

    List<EvaluationAnswer> evaluationAnswers(long userId) {
        return jdbc.query("select a.item_id, a.item_text, a.likert, a.answer_text from evaluation_answer a"
                + " join course_evaluation e on e.id = a.evaluation_id where e.user_id = :u order by a.item_id", Map.of("u", userId),
                (rs, n) -> new EvaluationAnswer(rs.getString("item_id"), rs.getString("item_text"),
                        (Integer) rs.getObject("likert"), rs.getString("answer_text")));
    }

    /** Answers per Likert item and point for a cohort's members: item id → count per point (index 0 = point 1). */
    Map<String, long[]> likertCounts(long cohortId, int points) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        jdbc.query("select a.item_id, a.likert, count(*) as answers from evaluation_answer a"
                + " join course_evaluation e on e.id = a.evaluation_id"
                + "" + members.of(cohortId).join("e.user_id") + "where " + members.of(cohortId).where("e.user_id") + " and a.likert is not null group by a.item_id, a.likert", membersOf(cohortId), rs -> {
                    int point = rs.getInt("likert");
                    if (point >= 1 && point <= points) {
                        counts.computeIfAbsent(rs.getString("item_id"), k -> new long[points])[point - 1] = rs.getLong("answers");
                    }
                });
        return counts;
    }

    int evaluationsIn(long cohortId) {
        Integer count = jdbc.queryForObject("select count(*) from course_evaluation e" + members.of(cohortId).join("e.user_id") + "where " + members.of(cohortId).where("e.user_id"),
                membersOf(cohortId), Integer.class);
        return count == null ? 0 : count;
    }

    /** Free-text answers of a cohort's members, with no name or account and not in the order they came in. */
    List<EvaluationAnswer> comments(long cohortId) {
        return jdbc.query("select a.item_id, a.item_text, a.answer_text from evaluation_answer a"
                + " join course_evaluation e on e.id = a.evaluation_id"
                + "" + members.of(cohortId).join("e.user_id") + "where " + members.of(cohortId).where("e.user_id") + " and a.answer_text is not null order by a.item_id, a.answer_text", membersOf(cohortId),
                (rs, n) -> new EvaluationAnswer(rs.getString("item_id"), rs.getString("item_text"), null, rs.getString("answer_text")));
    }

    /** The cohort's members as the one parameter of a query (the cohort module says who they are). */
    private MapSqlParameterSource membersOf(long cohortId) {
        return members.of(cohortId).parameters();
    }

    /** What a revocation's reason reads once the learner's data was erased. */
    static final String REVOKE_REASON_ERASED = "(reason removed when the learner's data was erased)";

    private static final String CERTIFICATE_COLUMNS = "code, learner_name, course_title, course_version, completed_on, ce_hours,"
            + " provider_name, accreditation, contact, issued_at, revoked_at, revoked_reason";

    private static final RowMapper<IssuedCertificate> CERTIFICATE = (rs, n) -> new IssuedCertificate(rs.getString("code"),
            rs.getString("learner_name"), rs.getString("course_title"), rs.getInt("course_version"),
            rs.getObject("completed_on", LocalDate.class), (Double) rs.getObject("ce_hours"), rs.getString("provider_name"),
            rs.getString("accreditation"), rs.getString("contact"), instant(rs.getObject("issued_at", OffsetDateTime.class)),
            instantOrNull(rs.getObject("revoked_at", OffsetDateTime.class)), rs.getString("revoked_reason"));

    Optional<IssuedCertificate> certificateOf(long userId) {
        return jdbc.query("select " + CERTIFICATE_COLUMNS + " from certificate where user_id = :u", Map.of("u", userId), CERTIFICATE)
                .stream().findFirst();
    }

    Optional<IssuedCertificate> certificateByCode(String code) {
        return jdbc.query("select " + CERTIFICATE_COLUMNS + " from certificate where code = :code", Map.of("code", code), CERTIFICATE)
                .stream().findFirst();
    }

    /** Inserts the issue record; the unique keys refuse a second certificate for the learner (double click). */
    void insertCertificate(long userId, IssuedCertificate c) {
        jdbc.update("insert into certificate (user_id, " + CERTIFICATE_COLUMNS + ") values (:u, :code, :name, :title, :version,"
                + " :completedOn, :hours, :provider, :accreditation, :contact, :issuedAt, null, null)",
                new MapSqlParameterSource("u", userId).addValue("code", c.code()).addValue("name", c.learnerName())
                        .addValue("title", c.courseTitle()).addValue("version", c.courseVersion()).addValue("completedOn", c.completedOn())
                        .addValue("hours", c.ceHours()).addValue("provider", c.provider()).addValue("accreditation", c.accreditation())
                        .addValue("contact", c.contact()).addValue("issuedAt", time(c.issuedAt())));
    }

    /** Revokes the learner's certificate if it is not revoked yet; true if this call revoked it. */
    boolean revoke(long userId, Instant now, String reason, long revokedBy) {
        return jdbc.update("update certificate set revoked_at = :now, revoked_reason = :reason, revoked_by = :by"
                + " where user_id = :u and revoked_at is null", new MapSqlParameterSource("u", userId).addValue("now", time(now))
                .addValue("reason", reason).addValue("by", revokedBy)) == 1;
    }

    /** Makes the learner's revoked certificate valid again; true if this call reinstated it. */
    boolean reinstate(long userId) {
        return jdbc.update("update certificate set revoked_at = null, revoked_reason = null, revoked_by = null"
                + " where user_id = :u and revoked_at is not null", Map.of("u", userId)) == 1;
    }

    static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time.toInstant();
    }

    private static @Nullable Instant instantOrNull(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** An erased learner: the certificate keeps its code and facts but names a former learner; free text goes. */
    void anonymise(long userId, String placeholderName) {
        Map<String, Object> parameters = Map.of("u", userId, "name", placeholderName);
        jdbc.update("update certificate set learner_name = :name where user_id = :u", parameters);
        // an instructor's reason for revoking was written about this learner and may name them: it goes too (the
        // revocation itself, its date and who revoked stay)
        jdbc.update("update certificate set revoked_reason = :removed where user_id = :u and revoked_reason is not null",
                Map.of("u", userId, "removed", REVOKE_REASON_ERASED));
        jdbc.update("update evaluation_answer set answer_text = null where answer_text is not null"
                + " and evaluation_id in (select id from course_evaluation where user_id = :u)", parameters);
    }
}

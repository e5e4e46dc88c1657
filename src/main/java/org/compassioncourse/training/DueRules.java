package org.compassioncourse.training;

import org.compassioncourse.administration.AuditAction;
import org.compassioncourse.administration.InstructorAuditLog;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.cohort.LearnerInMyCohort;
import org.compassioncourse.security.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An instructor's due rule for a cohort of theirs, and one learner's extension with its reason. Only the instructor
 * who owns the cohort gets in; both acts go into the audit log.
 */
@Service
@PreAuthorize("hasRole('INSTRUCTOR')")
public class DueRules {

    /** The longest reason kept for an extension. */
    public static final int MAX_REASON = 500;

    /** An extension as the learner's page shows it. */
    public record Extension(LocalDate dueOn, String reason, java.time.Instant extendedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CohortService cohorts;
    private final TrainingStatuses statuses;
    private final InstructorAuditLog audit;
    private final SignedInUser signedInUser;
    private final Clock clock;

    DueRules(NamedParameterJdbcTemplate jdbc, CohortService cohorts, TrainingStatuses statuses, InstructorAuditLog audit,
             SignedInUser signedInUser, Clock clock) {
        this.jdbc = jdbc;
        this.cohorts = cohorts;
        this.statuses = statuses;
        this.audit = audit;
        this.signedInUser = signedInUser;
        this.clock = clock;
    }

    /** The cohort's due rule ({@link DueRule#NONE} if it has none). */
    @Transactional(readOnly = true)
    public DueRule rule(long cohortId) {
        cohorts.requireOwnCohort(cohortId);
        return statuses.ruleOf(cohortId);
    }

    /** Sets (or, with {@link DueRule#NONE}, removes) the cohort's due rule. Saving the same rule again changes nothing. */
    @Transactional
    public void setRule(long cohortId, DueRule rule) {
        CohortSummary cohort = cohorts.requireOwnCohort(cohortId);
        DueRule before = rule(cohortId);
        if (before.equals(rule)) {
            return;
        }
        jdbc.update("delete from cohort_due_rule where cohort_id = :c", Map.of("c", cohortId));
        if (!rule.isNone()) {
            jdbc.update("insert into cohort_due_rule (cohort_id, complete_by, within_days, set_by, set_at)"
                    + " values (:c, :by, :days, :who, :at)", new MapSqlParameterSource("c", cohortId)
                    .addValue("by", rule.completeBy()).addValue("days", rule.withinDays())
                    .addValue("who", signedInUser.require().accountId())
                    .addValue("at", java.sql.Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS))));
        }
        audit.record(AuditAction.DUE_RULE_SET, signedInUser.require().accountId(),
                "Cohort \"" + cohort.name() + "\": " + rule.describe() + " (was: " + before.describe() + ")");
    }

    /** The learner's due date in this cohort (their extension, or the cohort's rule), if the cohort has a rule. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> dueDate(LearnerInMyCohort learner) {
        return Optional.ofNullable(statuses.dueDateIn(learner.cohortId(), learner.userId()));
    }

    /** The extension granted to this learner in this cohort, if any. */
    @Transactional(readOnly = true)
    public Optional<Extension> extension(LearnerInMyCohort learner) {
        return jdbc.query("select due_on, reason, extended_at from due_extension where cohort_id = :c and user_id = :u",
                Map.of("c", learner.cohortId(), "u", learner.userId()), (rs, row) -> new Extension(
                        rs.getObject("due_on", LocalDate.class), rs.getString("reason"),
                        java.util.Objects.requireNonNull(org.compassioncourse.base.SqlTimes.instant(rs.getObject("extended_at")))))
                .stream().findFirst();
    }

    /**
     * Gives one learner a later due date in this cohort, with a reason (audited). The new date must be later than the
     * learner's current due date here and not in the past; the cohort must have a due rule.
     */
    @Transactional
    public void extend(LearnerInMyCohort learner, LocalDate dueOn, @Nullable String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new TrainingException("Give a reason for the extension (it is kept in the audit log).");
        }
        if (why.length() > MAX_REASON) {
            throw new TrainingException("The reason can be at most " + MAX_REASON + " characters.");
        }
        LocalDate current = statuses.dueDateIn(learner.cohortId(), learner.userId());
        if (current == null) {
            throw new TrainingException("This cohort has no due date to extend: set the cohort's due date first.");
        }
        if (!dueOn.isAfter(current)) {
            throw new TrainingException("The new due date must be after the current one, " + TrainingStanding.format(current) + ".");
        }
        if (dueOn.isBefore(statuses.today())) {
            throw new TrainingException("The new due date cannot be in the past.");
        }
        MapSqlParameterSource values = new MapSqlParameterSource("c", learner.cohortId()).addValue("u", learner.userId())
                .addValue("due", dueOn).addValue("why", why).addValue("who", signedInUser.require().accountId())
                .addValue("at", java.sql.Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)));
        if (jdbc.update("update due_extension set due_on = :due, reason = :why, extended_by = :who, extended_at = :at"
                + " where cohort_id = :c and user_id = :u", values) == 0) {
            jdbc.update("insert into due_extension (cohort_id, user_id, due_on, reason, extended_by, extended_at)"
                    + " values (:c, :u, :due, :why, :who, :at)", values);
        }
        String detail = "Due date in cohort \"" + cohorts.requireOwnCohort(learner.cohortId()).name() + "\" moved from "
                + TrainingStanding.format(current) + " to " + TrainingStanding.format(dueOn) + ": " + why;
        // the audit log keeps 500 characters; the whole reason stays with the extension
        audit.record(AuditAction.DUE_DATE_EXTENDED, learner.userId(), detail.length() <= 500 ? detail : detail.substring(0, 499) + "…");
    }
}

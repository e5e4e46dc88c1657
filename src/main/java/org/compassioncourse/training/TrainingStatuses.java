package org.compassioncourse.training;

import org.compassioncourse.base.LearnerSet;
import org.compassioncourse.cohort.CohortMembers;
import org.compassioncourse.completion.CompletionFigures;
import org.compassioncourse.progress.ReadingFigures;
import org.compassioncourse.quiz.ResultFigures;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training status of many learners at once, for reports, exports and mails: each module answers from its own
 * tables for the whole set (the cohort module the memberships, this module the due rules and extensions, progress and
 * quiz whether the learner started, completion the completions) and {@link TrainingRule} decides. No access check: the
 * calling service checks that its user may see these learners; views never use this.
 */
@Service
public class TrainingStatuses {

    private final NamedParameterJdbcTemplate jdbc;
    private final CohortMembers members;
    private final ReadingFigures reading;
    private final ResultFigures results;
    private final CompletionFigures completions;
    private final TrainingRule rule;

    TrainingStatuses(NamedParameterJdbcTemplate jdbc, CohortMembers members, ReadingFigures reading, ResultFigures results,
                     CompletionFigures completions, TrainingRule rule) {
        this.jdbc = jdbc;
        this.members = members;
        this.reading = reading;
        this.results = results;
        this.completions = completions;
        this.rule = rule;
    }

    /** Each of {@code ids}' standing today, asking every module once for the whole of {@code learners}. */
    @Transactional(readOnly = true)
    public Map<Long, TrainingStanding> of(List<Long> ids, LearnerSet learners) {
        return of(ids, learners, dueDates(learners));
    }

    /** As {@link #of(List, LearnerSet)}, with the due dates already read by {@link #dueDates(LearnerSet)}. */
    @Transactional(readOnly = true)
    public Map<Long, TrainingStanding> of(List<Long> ids, LearnerSet learners, Map<Long, LocalDate> due) {
        Map<Long, ReadingFigures.Reading> read = reading.of(learners);
        Map<Long, ResultFigures.Results> scored = results.of(learners);
        Map<Long, CompletionFigures.Completed> completed = completions.of(learners);
        LocalDate today = rule.today();
        Map<Long, TrainingStanding> standings = new HashMap<>();
        for (Long id : ids) {
            ReadingFigures.Reading r = read.get(id);
            ResultFigures.Results q = scored.get(id);
            boolean started = (r != null && r.lastVisit() != null) || q != null; // a quiz result means a submission
            standings.put(id, standing(today, due.get(id), started, completed.get(id)));
        }
        return standings;
    }

    /**
     * The rule applied to figures the caller has already read (a cohort report reads reading, results and completions
     * for its own columns and need not read them twice).
     */
    public TrainingStanding standing(LocalDate today, @Nullable LocalDate dueOn, boolean started,
                                     CompletionFigures.@Nullable Completed completed) {
        Instant completedAt = completed == null ? null : completed.completedAt();
        boolean revoked = completed != null && "revoked".equals(completed.certificate());
        return rule.decide(today, dueOn, started, completedAt, revoked);
    }

    /** Today, as the rule counts days. */
    public LocalDate today() {
        return rule.today();
    }

    /**
     * Each learner's due date: for every cohort they belong to, the extension granted to them there or else the
     * cohort's rule; the earliest of these. Learners without any are left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, LocalDate> dueDates(LearnerSet learners) {
        Map<Long, LocalDate> due = new HashMap<>();
        if (learners.isEmpty()) {
            return due;
        }
        // the memberships first: a learner in no cohort (most, where training is not assigned) costs one statement
        Map<Long, List<CohortMembers.Membership>> memberships = members.memberships(learners);
        if (memberships.isEmpty()) {
            return due;
        }
        Map<Long, DueRule> rules = new HashMap<>();
        jdbc.query("select cohort_id, complete_by, within_days from cohort_due_rule", rs -> {
            Integer days = (Integer) rs.getObject("within_days");
            rules.put(rs.getLong("cohort_id"), new DueRule(rs.getObject("complete_by", LocalDate.class), days));
        });
        if (memberships.values().stream().flatMap(List::stream).noneMatch(m -> rules.containsKey(m.cohortId()))) {
            return due;
        }
        Map<Long, Map<Long, LocalDate>> extensions = new HashMap<>();
        jdbc.query("select e.cohort_id, e.user_id, e.due_on from due_extension e" + learners.join("e.user_id")
                + "where " + learners.where("e.user_id"), learners.parameters(), rs -> {
                    extensions.computeIfAbsent(rs.getLong("user_id"), id -> new HashMap<>())
                            .put(rs.getLong("cohort_id"), rs.getObject("due_on", LocalDate.class));
                });
        ZoneId zone = rule.zone();
        memberships.forEach((userId, joined) -> {
            Map<Long, LocalDate> extended = extensions.getOrDefault(userId, Map.of());
            for (CohortMembers.Membership membership : joined) {
                DueRule cohortRule = rules.get(membership.cohortId());
                if (cohortRule == null) {
                    continue;
                }
                LocalDate dueOn = extended.containsKey(membership.cohortId())
                        ? extended.get(membership.cohortId()) : cohortRule.dueFor(membership.joinedAt(), zone);
                if (dueOn != null) {
                    due.merge(userId, dueOn, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        });
        return due;
    }

    /** One learner's due date in one cohort (their extension there, or the cohort's rule), if the cohort has one. */
    @Transactional(readOnly = true)
    public @Nullable LocalDate dueDateIn(long cohortId, long userId) {
        LearnerSet one = LearnerSet.of(List.of(userId));
        List<LocalDate> extended = jdbc.queryForList("select due_on from due_extension where cohort_id = :c and user_id = :u",
                Map.of("c", cohortId, "u", userId), LocalDate.class);
        if (!extended.isEmpty()) {
            return extended.getFirst();
        }
        DueRule cohortRule = ruleOf(cohortId);
        if (cohortRule.isNone()) {
            return null;
        }
        return members.memberships(one).getOrDefault(userId, List.of()).stream()
                .filter(m -> m.cohortId() == cohortId).findFirst()
                .map(m -> cohortRule.dueFor(m.joinedAt(), rule.zone())).orElse(null);
    }

    /** A cohort's due rule ({@link DueRule#NONE} if it has none); callers check access. */
    DueRule ruleOf(long cohortId) {
        List<DueRule> found = jdbc.query("select complete_by, within_days from cohort_due_rule where cohort_id = :c",
                Map.of("c", cohortId), (rs, row) -> new DueRule(rs.getObject("complete_by", LocalDate.class),
                        (Integer) rs.getObject("within_days")));
        return found.isEmpty() ? DueRule.NONE : found.getFirst();
    }
}

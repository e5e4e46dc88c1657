package org.compassioncourse.training;

import org.compassioncourse.base.LearnerSet;
import org.compassioncourse.cohort.CohortException;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.cohort.LearnerInMyCohort;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cohort's due rule and one learner's extension: who may set them, what is refused, and what the audit log keeps. */
@ApplicationTest
class DueRulesTest {

    @Autowired
    DueRules dueRules;
    @Autowired
    TrainingStatuses statuses;
    @Autowired
    CohortService cohorts;
    @Autowired
    Learners people;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    CurrentUser instructor;
    CurrentUser learner;
    CohortSummary cohort;
    LocalDate today;

    @BeforeEach
    void cohortWithOneLearner() {
        today = LocalDate.now(clock);
        instructor = people.instructor("Rhea Rules");
        learner = people.learner("Lou Learner");
        Learners.actAs(instructor);
        cohort = cohorts.createCohort("Theatre nurses " + System.nanoTime());
        Learners.actAs(learner);
        cohorts.join(cohort.joinCode());
        Learners.actAs(instructor);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private LocalDate dueOf(CurrentUser who) {
        return statuses.dueDates(LearnerSet.of(List.of(who.accountId()))).get(who.accountId());
    }

    @Test
    void withinNDaysOfJoiningCountsFromTheDayTheLearnerJoined() {
        dueRules.setRule(cohort.id(), DueRule.withinDaysOfJoining(30));
        assertThat(dueRules.rule(cohort.id())).isEqualTo(DueRule.withinDaysOfJoining(30));
        assertThat(dueOf(learner)).isEqualTo(today.plusDays(30));
        dueRules.setRule(cohort.id(), DueRule.NONE);
        assertThat(dueOf(learner)).as("rule removed").isNull();
    }

    @Test
    void aLearnerInTwoCohortsIsDueByTheEarlierDate() {
        dueRules.setRule(cohort.id(), DueRule.completeBy(today.plusDays(90)));
        CohortSummary second = cohorts.createCohort("Second cohort " + System.nanoTime());
        dueRules.setRule(second.id(), DueRule.completeBy(today.plusDays(20)));
        Learners.actAs(learner);
        cohorts.join(second.joinCode());
        assertThat(dueOf(learner)).isEqualTo(today.plusDays(20));
    }

    @Test
    void anExtensionMovesOneLearnersDueDateAndTheAuditLogKeepsWhoWhyAndBothDates() {
        dueRules.setRule(cohort.id(), DueRule.completeBy(today.plusDays(10)));
        LearnerInMyCohort inCohort = cohorts.requireLearnerInOwnCohort(cohort.id(), learner.accountId());
        dueRules.extend(inCohort, today.plusDays(40), "  Sick leave  ");

        assertThat(dueOf(learner)).isEqualTo(today.plusDays(40));
        assertThat(dueRules.extension(inCohort)).hasValueSatisfying(e -> assertThat(e.reason()).isEqualTo("Sick leave"));
        List<Map<String, Object>> audit = jdbc.queryForList("select actor_id, detail from admin_audit where action = 'DUE_DATE_EXTENDED'"
                + " and subject_id = ?", learner.accountId());
        assertThat(audit).singleElement().satisfies(row -> {
            assertThat(((Number) row.get("ACTOR_ID")).longValue()).isEqualTo(instructor.accountId());
            assertThat((String) row.get("DETAIL")).contains(cohort.name(), TrainingStanding.format(today.plusDays(10)),
                    TrainingStanding.format(today.plusDays(40)), "Sick leave");
        });
        assertThat(jdbc.queryForObject("select count(*) from admin_audit where action = 'DUE_RULE_SET' and actor_id = ?",
                Integer.class, instructor.accountId())).as("setting the rule is audited too").isEqualTo(1);
    }

    @Test
    void anExtensionIsRefusedWithoutAReasonToAnEarlierDateOrWithoutARuleAndChangesNothing() {
        LearnerInMyCohort inCohort = cohorts.requireLearnerInOwnCohort(cohort.id(), learner.accountId());
        assertThatThrownBy(() -> dueRules.extend(inCohort, today.plusDays(5), "Leave")).isInstanceOf(TrainingException.class)
                .hasMessageContaining("no due date");
        dueRules.setRule(cohort.id(), DueRule.completeBy(today.plusDays(10)));
        assertThatThrownBy(() -> dueRules.extend(inCohort, today.plusDays(20), "   ")).isInstanceOf(TrainingException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> dueRules.extend(inCohort, today.plusDays(10), "Leave")).isInstanceOf(TrainingException.class)
                .hasMessageContaining("after the current one");
        assertThat(dueOf(learner)).isEqualTo(today.plusDays(10));
        assertThat(dueRules.extension(inCohort)).isEmpty();
    }

    @Test
    void onlyTheOwningInstructorSetsOrReadsACohortsRule() {
        CurrentUser other = people.instructor("Otto Other");
        Learners.actAs(other);
        assertThatThrownBy(() -> dueRules.setRule(cohort.id(), DueRule.completeBy(today))).isInstanceOf(CohortException.class);
        assertThatThrownBy(() -> dueRules.rule(cohort.id())).isInstanceOf(CohortException.class);
        Learners.actAs(learner);
        assertThatThrownBy(() -> dueRules.rule(cohort.id())).isInstanceOf(AuthorizationDeniedException.class);
        Learners.actAs(instructor);
        assertThat(dueRules.rule(cohort.id())).isEqualTo(DueRule.NONE);
    }

    @Test
    void aRuleIsEitherADateOrADayCountWithinLimits() {
        assertThatThrownBy(() -> new DueRule(today, 5)).isInstanceOf(TrainingException.class);
        assertThatThrownBy(() -> DueRule.withinDaysOfJoining(0)).isInstanceOf(TrainingException.class);
        assertThatThrownBy(() -> DueRule.withinDaysOfJoining(DueRule.MAX_DAYS + 1)).isInstanceOf(TrainingException.class);
        assertThat(DueRule.withinDaysOfJoining(1).describe()).isEqualTo("Complete within 1 day of joining");
        assertThat(DueRule.completeBy(LocalDate.of(2027, 3, 14)).describe()).isEqualTo("Complete by 14 March 2027");
    }
}

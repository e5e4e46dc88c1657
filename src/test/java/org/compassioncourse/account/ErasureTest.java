package org.compassioncourse.account;

import org.compassioncourse.administration.AccountAdministration;
import org.compassioncourse.administration.AdministrationException;
import org.compassioncourse.administration.AuditAction;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;
import org.compassioncourse.security.ThrottleEvents;

import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.instructor.ItemAnalysisService;
import org.compassioncourse.instructor.ItemStatistics;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Erasure on request: nothing that names the learner is left, and the cohort's statistics do not move. */
@ApplicationTest
class ErasureTest {

    @Autowired
    Learners people;
    @Autowired
    AccountAdministration administration;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    AccountSessions sessions;
    @Autowired
    UserAccountRepository repository;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    CohortService cohorts;
    @Autowired
    ProgressService progress;
    @Autowired
    ItemAnalysisService itemAnalysis;
    @Autowired
    Course course;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ThrottleEvents throttleEvents;
    @Autowired
    org.compassioncourse.completion.CompletionService completion;
    @Autowired
    org.compassioncourse.completion.CertificateVerification verification;

    /** The course evaluation, every scale at 4, the free-text items with this text. */
    private void sendEvaluation(String text) {
        Map<String, Integer> likert = new java.util.HashMap<>();
        Map<String, String> texts = new java.util.HashMap<>();
        for (org.compassioncourse.content.Evaluation.Item item : completion.evaluation().items()) {
            if (item.kind() == org.compassioncourse.content.Evaluation.Kind.LIKERT) {
                likert.put(item.id(), 4);
            } else {
                texts.put(item.id(), text);
            }
        }
        completion.submitEvaluation(likert, texts);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Every text column of every table of the application's schema holding the text, as "table.column". */
    private List<String> placesHolding(String text) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name from information_schema.columns
                where table_schema = 'PUBLIC' and data_type in ('CHARACTER VARYING', 'CHARACTER', 'CHARACTER LARGE OBJECT', 'VARCHAR_IGNORECASE')""");
        assertThat(columns).as("the scan sees the account table").anySatisfy(c -> assertThat(c.get("TABLE_NAME")).isEqualTo("USER_ACCOUNT"));
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("TABLE_NAME");
            String name = (String) column.get("COLUMN_NAME");
            Long hits = jdbc.queryForObject("select count(*) from \"" + table + "\" where lower(\"" + name + "\") like ?",
                    Long.class, "%" + text.toLowerCase() + "%");
            if (hits != null && hits > 0) {
                found.add(table + "." + name);
            }
        }
        return found;
    }

    @Test
    void erasingALearnerLeavesNoNameOrEmailInAnyTableAndTheItemAnalysisUnchanged() {
        String surname = "Quillfeather" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4);
        CurrentUser instructor = people.instructor("Ines Eraser");
        CurrentUser admin = TestAccounts.makeAdministrator(repository, users, people.learner("Adam Eraser"));
        CurrentUser erased = people.learner("Zelda " + surname);
        CurrentUser stays = people.learner("Yusuf Stays");
        Learners.actAs(instructor);
        CohortSummary cohort = cohorts.createCohort("Erasure " + surname.toLowerCase().substring(12));
        Learners.actAs(erased);
        cohorts.join(cohort.joinCode());
        people.take(QuizSettings.Kind.PRE_TEST, null, false, 1000);
        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 1000);
        sendEvaluation("On ward 7 the " + surname + " family taught me this");
        String code = completion.issueMyCertificate().code();
        Learners.actAs(stays);
        cohorts.join(cohort.joinCode());
        people.take(QuizSettings.Kind.PRE_TEST, null, true, 1000);
        Learners.actAs(instructor);
        String email = erased.getUsername();
        // an instructor's free text about the learner, naming them
        completion.revoke(cohorts.requireLearnerInOwnCohort(cohort.id(), erased.accountId()),
                "Zelda " + surname + " (" + email + ") let a colleague sit the final for her");
        // a failed login and a reset request for the learner's email leave keyed rows in the throttle table
        users.loadUserByUsername(email);
        jdbc.update("insert into throttle_event (kind, subject_key, occurred_at) values ('RESET_EMAIL', ?, current_timestamp)",
                throttleEvents.key(email));
        assertThat(jdbc.queryForObject("select count(*) from throttle_event where subject_key = ?", Long.class,
                throttleEvents.key(email))).isEqualTo(2);
        ItemStatistics.Report preBefore = itemAnalysis.report(cohort.id(), QuizSettings.Kind.PRE_TEST);
        ItemStatistics.Report finalBefore = itemAnalysis.report(cohort.id(), QuizSettings.Kind.FINAL_ASSESSMENT);
        assertThat(preBefore.attempts()).isEqualTo(2);
        assertThat(finalBefore.attempts()).isEqualTo(1);
        // the test's emails are made from the name, so the surname is in both
        // the revocation is in the administrators' audit log too, with its reason
        assertThat(placesHolding(surname)).containsExactlyInAnyOrder("USER_ACCOUNT.DISPLAY_NAME", "USER_ACCOUNT.EMAIL",
                "CERTIFICATE.LEARNER_NAME", "CERTIFICATE.REVOKED_REASON", "EVALUATION_ANSWER.ANSWER_TEXT", "ADMIN_AUDIT.DETAIL");
        assertThat(placesHolding(email)).containsExactlyInAnyOrder("USER_ACCOUNT.EMAIL", "CERTIFICATE.REVOKED_REASON", "ADMIN_AUDIT.DETAIL");

        Learners.actAs(admin);
        AccountRow row = administration.erase(erased.accountId());

        assertThat(placesHolding(surname)).as("the name (and free text naming it), anywhere").isEmpty();
        assertThat(verification.verify(code, "203.0.113.7")).as("the certificate stays verifiable, for a former learner")
                .hasValueSatisfying(verified -> {
                    assertThat(verified.valid()).as("revoked before the erasure, and still").isFalse();
                    assertThat(verified.learnerName()).isEqualTo("Former learner #" + erased.accountId());
                });
        assertThat(placesHolding(email)).as("the email, anywhere").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from throttle_event where subject_key = ?", Long.class,
                throttleEvents.key(email))).as("no throttle row keyed by the old email").isZero();
        assertThat(jdbc.queryForObject("select revoked_reason from certificate where code = ?", String.class, code))
                .as("the revocation stays, its reason does not").isEqualTo("(reason removed when the learner's data was erased)");
        assertThat(row.displayName()).isEqualTo("Former learner #" + erased.accountId());
        assertThat(row.email()).isEqualTo("erased-" + erased.accountId() + "@invalid");
        assertThat(row.active()).isFalse();
        assertThat(row.statusLabel()).isEqualTo("Erased");
        assertThat(sessions.isStillValid(erased)).isFalse();
        assertThat(passwordEncoder.matches("calm-harbour-lantern", repository.findById(erased.accountId()).orElseThrow().getPasswordHash()))
                .as("the old password is gone").isFalse();
        assertThat(administration.auditLog(0, 1).getFirst()).satisfies(audit -> {
            assertThat(audit.action()).isEqualTo(AuditAction.ERASE);
            assertThat(audit.subjectLabel()).contains("Former learner #" + erased.accountId());
        });
        Learners.actAs(instructor);
        assertThat(itemAnalysis.report(cohort.id(), QuizSettings.Kind.PRE_TEST)).isEqualTo(preBefore);
        assertThat(itemAnalysis.report(cohort.id(), QuizSettings.Kind.FINAL_ASSESSMENT)).isEqualTo(finalBefore);
    }

    @Test
    void onlyALearnerWhoIsNotAnAdministratorCanBeErasedAndNotTwiceNorReopened() {
        CurrentUser admin = TestAccounts.makeAdministrator(repository, users, people.learner("Adam Eraser"));
        CurrentUser instructor = people.instructor("Ines Kept");
        CurrentUser learner = people.learner("Lee Once");
        Learners.actAs(admin);

        assertThatThrownBy(() -> administration.erase(instructor.accountId()))
                .isInstanceOf(AdministrationException.class).hasMessageContaining("Only a learner");
        assertThatThrownBy(() -> administration.erase(admin.accountId())).isInstanceOf(AdministrationException.class);
        administration.erase(learner.accountId());
        assertThatThrownBy(() -> administration.erase(learner.accountId())).isInstanceOf(AdministrationException.class);
        assertThatThrownBy(() -> administration.reactivate(learner.accountId()))
                .isInstanceOf(AdministrationException.class).hasMessageContaining("erased");
        assertThatThrownBy(() -> administration.changeRole(learner.accountId(), Role.INSTRUCTOR, false))
                .isInstanceOf(AdministrationException.class);
    }
}

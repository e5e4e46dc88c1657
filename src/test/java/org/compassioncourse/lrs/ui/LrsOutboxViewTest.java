package org.compassioncourse.lrs.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.base.ui.AccessDeniedView;
import org.compassioncourse.lrs.OutboxStatus;
import org.compassioncourse.security.Role;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrators' page of the outbox: what the store refused, with its answer, and "retry now" (audited). */
@ApplicationTest
class LrsOutboxViewTest extends SpringBrowserlessTest {

    private static final String ADMIN = "lrs.admin.under.test@ward7.example";

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void aRefusedASentAndARetryingStatement() {
        jdbc.update("delete from xapi_outbox");
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        String insert = "insert into xapi_outbox (statement_id, user_id, verb, object_id, statement, created_at, state, tries,"
                + " next_try_at, last_status, last_message, last_try_at, sent_at) values (?, 1, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, ?)";
        jdbc.update(insert, "00000000-0000-3000-8000-000000000001", "http://adlnet.gov/expapi/verbs/answered",
                "urn:compassion-course:fixture-course/question/first-single", now, "FAILED", 1, now, 400,
                "object.definition.choices: duplicate id", now, null);
        jdbc.update(insert, "00000000-0000-3000-8000-000000000002", "http://adlnet.gov/expapi/verbs/completed",
                "urn:compassion-course:fixture-course/lesson/first-lesson", now, "SENT", 1, now, 200, "[\"...\"]", now, now);
        jdbc.update(insert, "00000000-0000-3000-8000-000000000003", "http://adlnet.gov/expapi/verbs/experienced",
                "urn:compassion-course:fixture-course/lesson/second-lesson", now, "PENDING", 2, now.plusMinutes(1), 503,
                "the store is down for maintenance", now, null);
    }

    @AfterEach
    void emptyOutbox() {
        jdbc.update("delete from xapi_outbox");
    }

    @Test
    @WithCourseUser(email = ADMIN, displayName = "Ada Admin", administrator = true)
    void administratorSeesWhatTheStoreRefusedWithItsAnswerAndSendsItAgain() {
        LrsOutboxView view = navigate(LrsOutboxView.class);

        assertThat(view.summary.getText()).isEqualTo("Waiting: 0 · Retrying: 1 · Refused: 1 · Sent: 1");
        assertThat(test(view.grid).size()).as("refused ones first").isEqualTo(1);
        assertThat(test(view.grid).getCellText(0, 1)).isEqualTo("answered");
        assertThat(test(view.grid).getCellText(0, 4)).isEqualTo("HTTP 400: object.definition.choices: duplicate id");
        test(view.statusFilter).selectItem(OutboxStatus.RETRYING.label());
        assertThat(test(view.grid).getCellText(0, 4)).isEqualTo("HTTP 503: the store is down for maintenance");

        test(view.retryNow).click();

        assertThat(view.summary.getText()).as("the refused one waits for its next try now").isEqualTo("Waiting: 0 · Retrying: 2 · Refused: 0 · Sent: 1");
        assertThat(view.retryNow.isEnabled()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from admin_audit a join user_account u on u.id = a.actor_id"
                + " where a.action = 'LRS_RETRY_NOW' and u.email = ?", Integer.class, ADMIN)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from xapi_outbox where state = 'PENDING' and next_try_at <= ?",
                Integer.class, Instant.now().atOffset(ZoneOffset.UTC))).as("both due now").isEqualTo(2);
    }

    @Test
    @WithCourseUser(email = "lrs.instructor@ward7.example", displayName = "Ina Instructor", role = Role.INSTRUCTOR)
    void anInstructorIsTurnedAway() {
        navigate(LrsOutboxView.ROUTE, AccessDeniedView.class);
        assertThat($(LrsOutboxView.class).all()).isEmpty();
    }
}

package org.compassioncourse.lrs;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Without course.lrs.endpoint (the shipped default) nothing is kept for sending and nothing is sent. */
@ApplicationTest
class LrsOffTest {

    @Autowired
    Learners people;
    @Autowired
    Course course;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LrsSender sender;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void withoutAStoreNoStatementIsWrittenToTheOutbox() {
        CurrentUser learner = people.learner("Nell No-Store");
        Learners.actAs(learner);
        people.readEveryLesson();
        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 1000);

        assertThat(jdbc.queryForObject("select count(*) from lesson_progress where user_id = ?", Integer.class, learner.accountId()))
                .isEqualTo(course.lessons().size());
        assertThat(jdbc.queryForObject("select count(*) from xapi_outbox where user_id = ?", Integer.class, learner.accountId())).isZero();
        assertThat(sender.enabled()).isFalse();
        assertThat(sender.sendDue()).isZero();
    }
}

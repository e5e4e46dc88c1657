package org.compassioncourse.quiz;

import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** Migration 102 gives pre-tests submitted before blanks were stored the same "not answered" rows as new ones. */
@ApplicationTest
class StoreBlankPreTestAnswersTest {

    @Autowired
    QuizAttempts quizAttempts;

    @Autowired
    QuizResults quizResults;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    @WithCourseUser(email = "quiz.backfill@ward7.example")
    void aPreTestSubmittedBeforeBlanksWereStoredGetsItsNotAnsweredRowsOnce() throws Exception {
        AttemptPaper pre = quizAttempts.startOrResume(QuizSettings.Kind.PRE_TEST, null);
        quizAttempts.submit(pre.attemptId());
        // as the app stored it before: no row for the blank question
        jdbc.update("delete from quiz_response where attempt_id = ?", pre.attemptId());

        int added;
        int again;
        try (Connection connection = dataSource.getConnection()) {
            added = StoreBlankPreTestAnswers.storeBlanks(connection);
            again = StoreBlankPreTestAnswers.storeBlanks(connection);
        }

        assertThat(added).isPositive();
        assertThat(again).as("a second run adds nothing").isZero();
        assertThat(jdbc.queryForList("select answer from quiz_response where attempt_id = ?", String.class, pre.attemptId()))
                .containsExactly("not-answered:");
        assertThat(quizResults.finishedAttempt(pre.attemptId()).count(Answer.NoAnswer.NOT_ANSWERED)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from \"flyway_schema_history\" where \"version\" = '102' and \"success\"",
                Integer.class)).as("Flyway ran it at start-up").isEqualTo(1);
    }
}

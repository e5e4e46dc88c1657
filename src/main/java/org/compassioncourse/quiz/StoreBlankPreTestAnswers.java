package org.compassioncourse.quiz;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Flyway migration 102: a pre-test question left blank is now stored on submission as "not answered" (see
 * {@link Answer.NoAnswer}); this writes those rows for pre-tests submitted before, so every record, export and item
 * analysis reads old and new attempts alike. In Java because splitting {@code question_ids} has no SQL common to H2
 * and PostgreSQL. Run by Flyway (Spring Boot hands it every {@link JavaMigration} bean) before JPA starts.
 */
@Component
class StoreBlankPreTestAnswers implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("102");
    }

    @Override
    public String getDescription() {
        return "store blank pre-test answers";
    }

    @Override
    public Integer getChecksum() {
        return 102_1;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        storeBlanks(context.getConnection());
    }

    /** Adds a "not answered" response for every question of a submitted pre-test that has none. Returns how many. */
    static int storeBlanks(Connection connection) throws SQLException {
        String notAnswered = AnswerCodec.encode(new Answer.Unanswered());
        record Submitted(long id, int contentVersion, String questionIds, Timestamp submittedAt) {
        }
        List<Submitted> submitted = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select id, content_version, question_ids, submitted_at from quiz_attempt"
                + " where kind = 'PRE_TEST' and submitted_at is not null order by id");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                submitted.add(new Submitted(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4)));
            }
        }
        int added = 0;
        try (PreparedStatement answered = connection.prepareStatement("select question_id from quiz_response where attempt_id = ?");
             PreparedStatement insert = connection.prepareStatement("insert into quiz_response"
                     + " (attempt_id, question_id, content_version, answer, score, answered_at, time_taken_ms) values (?, ?, ?, ?, 0, ?, 0)")) {
            for (Submitted attempt : submitted) {
                Set<String> given = new HashSet<>();
                answered.setLong(1, attempt.id());
                try (ResultSet rs = answered.executeQuery()) {
                    while (rs.next()) {
                        given.add(rs.getString(1));
                    }
                }
                for (String questionId : attempt.questionIds().isEmpty() ? new String[0] : attempt.questionIds().split(",")) {
                    if (given.add(questionId)) {
                        insert.setLong(1, attempt.id());
                        insert.setString(2, questionId);
                        insert.setInt(3, attempt.contentVersion());
                        insert.setString(4, notAnswered);
                        insert.setTimestamp(5, attempt.submittedAt());
                        insert.addBatch();
                        added++;
                    }
                }
            }
            if (added > 0) {
                insert.executeBatch();
            }
        }
        return added;
    }
}

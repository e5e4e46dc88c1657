package org.compassioncourse.operations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The H2 bug behind "confirmed answers lost after kill -9", without the app: plain H2 2.5.252, {@code WRITE_DELAY=0},
 * commits that each return only after their chunk is written, then a halt right after the last one. Each round's
 * killed file is opened twice: as H2 opens it by itself (a copy), and after {@link H2CrashRecovery#recover}. H2's own
 * open misses commits it had written (the header names the chunk before the newest; see {@link H2CrashRecovery});
 * after recovery every confirmed row is there.
 * <p>
 * {@code RETENTION_TIME=0} lets MVStore reuse freed file space at once, as a server that has run for more than
 * H2's 45-second retention does; that reuse is what leaves the newest chunk where the header cannot lead. Should a
 * later H2 fix the bug, the first assertion fails and says so: then {@link H2CrashRecovery} can go.
 * Rounds: {@code -Dh2.chunk-loss.rounds=100} for the long run (README, "Durability").
 */
class H2ChunkHeaderLossTest {

    private static final int ROUNDS = Integer.getInteger("h2.chunk-loss.rounds", 12);

    @TempDir
    Path dir;

    @Test
    void commitsH2ConfirmedBeforeAKillAreAllThereAfterCrashRecoveryThoughH2AloneMissesSome() throws Exception {
        Path database = dir.resolve("answers.mv.db");
        String url = "jdbc:h2:file:" + dir.resolve("answers") + ";WRITE_DELAY=0;RETENTION_TIME=0";
        int confirmed = 0;
        int lostByH2Alone = 0;
        int roundsWithLoss = 0;
        List<String> lostAfterRecovery = new ArrayList<>();
        int recoveredNewer = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            List<Integer> ids = commitThenHalt(url, 30 + 13 * round);
            confirmed += ids.size();

            Path asH2OpensIt = dir.resolve("copy-" + round + ".mv.db");
            Files.copy(database, asH2OpensIt, StandardCopyOption.REPLACE_EXISTING);
            Set<Integer> seenByH2 = storedIds(dir.resolve("copy-" + round));
            long missing = ids.stream().filter(id -> !seenByH2.contains(id)).count();
            lostByH2Alone += (int) missing;
            roundsWithLoss += missing > 0 ? 1 : 0;

            assertThat(H2CrashRecovery.closedCleanly(database)).as("a halted database is not marked clean").isFalse();
            var outcome = H2CrashRecovery.recover(database);
            assertThat(outcome).as("recovery runs on a file that was not closed cleanly").isPresent();
            recoveredNewer += outcome.get().recoveredVersion() > outcome.get().normalOpenVersion() ? 1 : 0;
            Set<Integer> stored = storedIds(dir.resolve("answers"));
            for (int id : ids) {
                if (!stored.contains(id)) {
                    lostAfterRecovery.add("round " + round + ": row " + id);
                }
            }
        }
        System.out.printf("h2 chunk header loss: rounds=%d, confirmed=%d, lost by H2's own open=%d (in %d rounds),"
                + " lost after crash recovery=%d, rounds where recovery found a newer version=%d%n",
                ROUNDS, confirmed, lostByH2Alone, roundsWithLoss, lostAfterRecovery.size(), recoveredNewer);
        assertThat(lostByH2Alone).as("H2's own open after a halt misses confirmed commits (the bug this works around);"
                + " if this fails, H2 no longer has the bug").isPositive();
        assertThat(lostAfterRecovery).as("confirmed commits missing after H2CrashRecovery").isEmpty();
    }

    @Test
    void aCleanlyClosedDatabaseIsLeftAlone() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("clean") + ";WRITE_DELAY=0";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("create table t(id int primary key)");
        }
        Path file = dir.resolve("clean.mv.db");
        long modified = Files.getLastModifiedTime(file).toMillis();
        assertThat(H2CrashRecovery.closedCleanly(file)).isTrue();
        assertThat(H2CrashRecovery.recover(file)).isEmpty();
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
    }

    @Test
    void findsTheDatabaseFileOfFileUrlsOnly() {
        assertThat(H2CrashRecovery.databaseFile("jdbc:h2:file:/data/compassion-course;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"))
                .contains(Path.of("/data/compassion-course.mv.db"));
        assertThat(H2CrashRecovery.databaseFile("jdbc:h2:./data/db")).contains(Path.of("./data/db.mv.db"));
        assertThat(H2CrashRecovery.databaseFile("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(H2CrashRecovery.databaseFile("jdbc:h2:tcp://localhost/~/test")).isEmpty();
        assertThat(H2CrashRecovery.databaseFile("jdbc:postgresql://localhost/test")).isEmpty();
    }

    /** Runs {@link H2ChunkWriter} in its own JVM; returns the ids it confirmed before it halted. */
    private static List<Integer> commitThenHalt(String url, int count) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                H2ChunkWriter.class.getName(), url, Integer.toString(count)).redirectErrorStream(true).start();
        List<Integer> ids = new ArrayList<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("CONFIRMED ")) {
                    ids.add(Integer.parseInt(line.substring("CONFIRMED ".length())));
                } else {
                    other.add(line);
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ids).as("the writer's output: %s", other).hasSize(count);
        return ids;
    }

    private static Set<Integer> storedIds(Path database) throws SQLException {
        Set<Integer> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + database, "sa", "");
             ResultSet rows = connection.createStatement().executeQuery("select id from answer")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }
}

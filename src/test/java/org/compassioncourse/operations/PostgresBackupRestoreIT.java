package org.compassioncourse.operations;

import org.compassioncourse.Application;
import org.compassioncourse.account.AccountService;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.account.RegistrationForm;
import org.compassioncourse.support.ScratchPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL backup in README "Backups", done as written: {@code pg_dump -Fc} of a database the app created and
 * wrote to, {@code pg_restore --no-owner} into a new database, and a node started on the restored database finds
 * the data. Skips with a message where PostgreSQL (127.0.0.1:5432 or COURSE_TEST_POSTGRES_URL) or the pg_dump /
 * pg_restore binaries are missing.
 */
class PostgresBackupRestoreIT {

    private static final String SERVER = ScratchPostgres.SERVER;
    private static final String USER = ScratchPostgres.USER;
    private static final String ORIGINAL = "compassion_course_backup_" + ProcessHandle.current().pid();
    private static final String RESTORED = "compassion_course_restored_" + ProcessHandle.current().pid();

    @TempDir
    Path work;

    @BeforeAll
    static void needsPostgresAndItsTools() {
        for (String tool : List.of("pg_dump", "pg_restore")) {
            try {
                Process version = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
                if (!version.waitFor(30, TimeUnit.SECONDS) || version.exitValue() != 0) {
                    skip(tool + " --version failed");
                }
            } catch (IOException | InterruptedException missing) {
                skip(tool + " is not on the PATH (" + missing.getMessage() + ")");
            }
        }
        ScratchPostgres.create(ORIGINAL, "PostgreSQL backup test");
    }

    /** Skips the class, saying why also in the -output.txt report (a skip in @BeforeAll leaves no other trace there). */
    private static void skip(String why) {
        System.err.println("PostgreSQL backup test skipped: " + why);
        Assumptions.abort("PostgreSQL backup test skipped: " + why);
    }

    @AfterAll
    static void dropDatabases() {
        ScratchPostgres.drop(ORIGINAL);
        ScratchPostgres.drop(RESTORED);
    }

    private static ConfigurableApplicationContext nodeOn(String database) {
        return new SpringApplicationBuilder(Application.class).profiles("postgres")
                .run("--DATABASE_URL=" + SERVER + database, "--DATABASE_USER=" + USER, "--server.port=0",
                        "--course.content-dir=src/test/resources/course-fixture",
                        "--logging.level.root=warn");
    }

    @Test
    void aNodeStartedOnAPgRestoredDumpFindsTheAccountsOfTheOriginal() throws Exception {
        try (var original = nodeOn(ORIGINAL)) { // Flyway creates the schema, as on a first start
            original.getBean(AccountService.class).registerLearner(
                    new RegistrationForm("Paula Dump", "paula@ward7.example", "calm-harbour-lantern"));
            // the app's own H2 backup stays out of PostgreSQL's way
            assertThat(original.getBean(DatabaseBackup.class).backUp()).isEmpty();
        }

        Path dump = work.resolve("compassion_course.dump");
        run("pg_dump", "-Fc", "-f", dump.toString(), ORIGINAL);
        assertThat(Files.size(dump)).isPositive();
        ScratchPostgres.createOrFail(RESTORED);
        run("pg_restore", "--no-owner", "-d", RESTORED, dump.toString());

        try (var restored = nodeOn(RESTORED)) {
            var paula = (CurrentUser) restored.getBean(UserDetailsService.class).loadUserByUsername("paula@ward7.example");
            assertThat(paula.displayName()).isEqualTo("Paula Dump");
            assertThat(restored.getBean(AccountService.class).countAccounts()).isEqualTo(1);
        }
    }

    /** Runs a PostgreSQL client tool against the test server as the test user, failing with its output. */
    private static void run(String tool, String... args) throws IOException, InterruptedException {
        URI server = URI.create(SERVER.substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of(tool, "-h", server.getHost(),
                "-p", String.valueOf(server.getPort() > 0 ? server.getPort() : 5432), "-U", USER, "--no-password"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(tool + " finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }
}

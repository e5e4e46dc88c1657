package org.compassioncourse.operations;

import org.compassioncourse.Application;
import org.compassioncourse.account.AccountService;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.account.RegistrationForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The restore in README "Backups", done as written: the scheduled job backs up a running app, data changes afterwards,
 * the app stops, the zip's compassion-course.mv.db goes into an empty data folder, and the app started on it finds
 * the data as it was at backup time. An IT: it starts whole applications (see AccountPersistenceIT).
 */
class H2BackupRestoreIT {

    private static final String DATABASE_FILE = "compassion-course.mv.db";

    @TempDir
    Path work;

    private ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET)
                .run("--course.data-dir=" + dataDir, "--course.content-dir=src/test/resources/course-fixture",
                        "--logging.level.root=warn",
                        "--logging.level.org.compassioncourse.operations=info", "--server.port=0");
    }

    @Test
    void dataRestoredFromTheNightlyBackupIsAsItWasWhenTheBackupRan() throws IOException {
        Path liveData = work.resolve("data");
        Path zip;
        try (var app = start(liveData)) {
            AccountService accounts = app.getBean(AccountService.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            accounts.registerLearner(new RegistrationForm("Rita Restore", "rita@ward7.example", "calm-harbour-lantern"));

            app.getBean(DatabaseBackup.class).scheduledBackup();

            assertThat(jdbc.queryForList("select name from shedlock", String.class))
                    .as("the run took the cluster-wide lock").containsExactly("database-backup");
            zip = onlyBackupIn(liveData.resolve("backups"));
            // after the backup: Rita renames herself and a new learner arrives; neither is in the backup
            jdbc.update("update user_account set display_name = 'Rita Changed' where email = 'rita@ward7.example'");
            accounts.registerLearner(new RegistrationForm("Lee Later", "lee@ward7.example", "quiet-meadow-compass"));
            assertThat(accounts.countAccounts()).isEqualTo(2);
        }
        assertThat(entriesOf(zip)).contains(DATABASE_FILE);

        // README: stop the app, unzip the backup's compassion-course.mv.db into the (emptied) data folder, start
        Path restoredData = Files.createDirectories(work.resolve("restored"));
        extract(zip, DATABASE_FILE, restoredData);
        try (var restored = start(restoredData)) {
            var users = restored.getBean(UserDetailsService.class);
            assertThat(((CurrentUser) users.loadUserByUsername("rita@ward7.example")).displayName()).isEqualTo("Rita Restore");
            assertThatThrownBy(() -> users.loadUserByUsername("lee@ward7.example"))
                    .isInstanceOf(UsernameNotFoundException.class);
            assertThat(restored.getBean(AccountService.class).countAccounts()).isEqualTo(1);
        }
    }

    private static Path onlyBackupIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> zips = files.toList();
            assertThat(zips).singleElement().satisfies(z ->
                    assertThat(z.getFileName().toString()).matches("compassion-course-\\d{8}T\\d{6}Z\\.zip"));
            return zips.getFirst();
        }
    }

    private static List<String> entriesOf(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /** What {@code unzip backup.zip compassion-course.mv.db -d data} does. */
    private static void extract(Path zip, String entry, Path intoDir) throws IOException {
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(entry)) {
                    Files.copy((InputStream) in, intoDir.resolve(entry));
                    return;
                }
            }
        }
        throw new AssertionError(zip + " holds no " + entry);
    }
}

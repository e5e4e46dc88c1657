package org.compassioncourse.account;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;

import org.compassioncourse.support.MutableClock;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first administrator on an empty database: the app started with {@code --course.bootstrap-admin} (its own
 * in-memory database, so no administrator of other tests exists) and a clock the test moves. Steps in order. An IT,
 * not a unit test: a second application context in the unit-test JVM replaces the JVM-wide security context strategy
 * and breaks the signed-in users of tests that share the main test context.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:bootstrap-test;DB_CLOSE_DELAY=-1",
        "course.bootstrap-admin=First.Admin@Hospital.example",
        "course.public-url=https://learning.hospital.example/"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdministratorBootstrapIT {

    private static final String EMAIL = "first.admin@hospital.example";
    private static final String PASSWORD = "copper-lantern-meadow";

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now());
        }
    }

    @Autowired
    AccountSetup setup;
    @Autowired
    MutableClock clock;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    JdbcTemplate jdbc;

    private static String token(AccountSetup.BootstrapLink link) {
        return link.url().substring(link.url().lastIndexOf('/') + 1);
    }

    @Test
    @Order(1)
    void startUpMadeTheAccountWithNoUsablePasswordAndRecordedItButNoAdministratorBeforeTheLinkIsUsed() {
        UserAccount account = accounts.findByEmail(EMAIL).orElseThrow();
        assertThat(account.isAdministrator()).as("only the link makes an administrator").isFalse();
        assertThat(account.getRole()).isEqualTo(Role.INSTRUCTOR);
        assertThat(account.isSetupPending()).isTrue();
        assertThat(account.getPasswordHash()).as("never a default password").doesNotContain("{noop}");
        assertThat(jdbc.queryForObject("select count(*) from admin_audit where action = 'BOOTSTRAP_ADMINISTRATOR' and actor_id is null"
                + " and subject_id = ?", Long.class, account.getId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from single_use_link where account_id = ? and kind <> 'PASSWORD_RESET' and used_at is null",
                Long.class, account.getId())).as("one link, from start-up").isEqualTo(1);
    }

    @Test
    @Order(2)
    void theLinkExpiresAfter24HoursAndARestartIssuesANewOne() {
        AccountSetup.BootstrapLink link = setup.bootstrapAdministrator(EMAIL).orElseThrow();
        assertThat(link.url()).startsWith("https://learning.hospital.example/setup/");
        assertThat(link.expiresAt()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(Duration.ofHours(24)));
        assertThat(setup.invitation(token(link))).get().satisfies(invitation -> assertThat(invitation.administrator()).isTrue());

        clock.advance(Duration.ofHours(24).plusSeconds(1));

        assertThat(setup.invitation(token(link))).isEmpty();
        assertThatThrownBy(() -> setup.completeSetup(token(link), "Fay First", PASSWORD))
                .isInstanceOf(AccountSetupException.class).hasMessage(AccountSetup.LINK_NOT_USABLE);
    }

    @Test
    @Order(3)
    void theLinkWorksOnceThenTheSettingDoesNothing() {
        AccountSetup.BootstrapLink older = setup.bootstrapAdministrator(EMAIL).orElseThrow();
        AccountSetup.BootstrapLink link = setup.bootstrapAdministrator(EMAIL).orElseThrow();
        assertThat(setup.invitation(token(older))).as("a new link voids the older one").isEmpty();
        clock.advance(Duration.ofHours(23));

        setup.completeSetup(token(link), "Fay First", PASSWORD);

        CurrentUser admin = users.loadUserByUsername(EMAIL);
        assertThat(passwordEncoder.matches(PASSWORD, admin.getPassword())).isTrue();
        assertThat(admin.isAdministrator()).isTrue();
        assertThat(admin.displayName()).isEqualTo("Fay First");
        assertThatThrownBy(() -> setup.completeSetup(token(link), "Mallory", "another-copper-meadow"))
                .isInstanceOf(AccountSetupException.class).hasMessage(AccountSetup.LINK_NOT_USABLE);
        assertThat(setup.bootstrapAdministrator(EMAIL)).as("an administrator exists").isEmpty();
        assertThat(setup.bootstrapAdministrator("someone.else@hospital.example")).isEmpty();
        assertThat(accounts.findByEmail("someone.else@hospital.example")).isEmpty();
        assertThat(passwordEncoder.matches(PASSWORD, users.loadUserByUsername(EMAIL).getPassword())).as("password untouched").isTrue();
    }
}

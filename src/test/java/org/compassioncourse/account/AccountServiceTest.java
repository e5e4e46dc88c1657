package org.compassioncourse.account;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;
import org.compassioncourse.security.ThrottleEvents;
import org.compassioncourse.security.ThrottleProperties;

import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ApplicationTest
class AccountServiceTest {

    @Autowired
    AccountService accountService;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    PasswordEncoder passwordEncoder;

    private static String uniqueEmail() {
        return "nurse-" + UUID.randomUUID() + "@ward7.example";
    }

    @Test
    void learnerRegistersAndPasswordIsStoredOnlyAsAnArgon2Hash() {
        String email = uniqueEmail();
        CurrentUser user = accountService.registerLearner(new RegistrationForm("Ada Nurse", email, "calm-harbour-lantern"));

        UserAccount stored = accounts.findByEmail(email).orElseThrow();
        assertThat(stored.getRole()).isEqualTo(Role.LEARNER);
        assertThat(stored.getDisplayName()).isEqualTo("Ada Nurse");
        assertThat(stored.getPasswordHash()).startsWith("{argon2@SpringSecurity_v5_8}").doesNotContain("calm-harbour-lantern");
        assertThat(passwordEncoder.matches("calm-harbour-lantern", stored.getPasswordHash())).isTrue();
        assertThat(user.accountId()).isEqualTo(stored.getId());
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_LEARNER");
    }

    @Test
    void emailIsStoredLowerCaseAndTrimmedSoLoginIsCaseInsensitive() {
        String email = uniqueEmail();
        accountService.registerLearner(new RegistrationForm("Ben", "  " + email.toUpperCase() + " ", "calm-harbour-lantern"));
        assertThat(accounts.findByEmail(email)).isPresent();
    }

    @Test
    void duplicateEmailIsRefusedWithAClearMessageAndCreatesNothing() {
        String email = uniqueEmail();
        accountService.registerLearner(new RegistrationForm("First", email, "calm-harbour-lantern"));
        long before = accounts.count();

        assertThatThrownBy(() -> accountService.registerLearner(
                new RegistrationForm("Second", email.toUpperCase(), "violet tram ladder spoon")))
                .isInstanceOfSatisfying(RegistrationException.class, refused -> {
                    assertThat(refused.field()).isEqualTo(RegistrationException.Field.EMAIL);
                    assertThat(refused.getMessage()).contains("already exists");
                });
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void malformedEmailIsRefusedWithAClearMessageAndCreatesNothing() {
        long before = accounts.count();
        for (String bad : new String[]{"not-an-email", "nurse@", "@ward7.example", "two words@ward7.example", "nurse@localhost"}) {
            assertThatThrownBy(() -> accountService.registerLearner(new RegistrationForm("Cara", bad, "calm-harbour-lantern")))
                    .isInstanceOfSatisfying(RegistrationException.class, refused -> {
                        assertThat(refused.field()).isEqualTo(RegistrationException.Field.EMAIL);
                        assertThat(refused.getMessage()).contains("valid email address");
                    });
        }
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void weakPasswordIsRefusedWithAClearMessageAndCreatesNothing() {
        long before = accounts.count();
        String email = uniqueEmail();
        assertThatThrownBy(() -> accountService.registerLearner(new RegistrationForm("Dev", email, "password123")))
                .isInstanceOfSatisfying(RegistrationException.class, refused -> {
                    assertThat(refused.field()).isEqualTo(RegistrationException.Field.PASSWORD);
                    assertThat(refused.getMessage()).contains("commonly used");
                });
        assertThat(accounts.count()).isEqualTo(before);
        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    @Test
    void blankDisplayNameIsRefusedAndCreatesNothing() {
        long before = accounts.count();
        assertThatThrownBy(() -> accountService.registerLearner(new RegistrationForm("   ", uniqueEmail(), "calm-harbour-lantern")))
                .isInstanceOfSatisfying(RegistrationException.class,
                        refused -> assertThat(refused.field()).isEqualTo(RegistrationException.Field.DISPLAY_NAME));
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Autowired
    DataSource dataSource;

    /** A node of the app with the default limit of 5 new accounts per address per hour. */
    private AccountService node(Clock clock) {
        ThrottleProperties limits = ThrottleProperties.defaults();
        return new AccountService(accounts, passwordEncoder, clock, new ThrottleEvents(dataSource, clock, limits), limits);
    }

    @Test
    void fiveAccountsPerNetworkPerHourAcrossNodesThenAClearMessage() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
        AccountService one = node(clock);
        AccountService other = node(clock);
        String network = "2001:db8::" + Integer.toHexString(new Random().nextInt(0xffff));
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? one : other).registerLearner(new RegistrationForm("Nurse " + i, uniqueEmail(), "calm-harbour-lantern"), network);
        }
        long before = accounts.count();

        assertThatThrownBy(() -> other.registerLearner(new RegistrationForm("Sixth", uniqueEmail(), "calm-harbour-lantern"), network))
                .isInstanceOfSatisfying(RegistrationException.class, refused ->
                        assertThat(refused.getMessage()).isEqualTo("Too many new accounts from this network; try again later."));
        assertThat(accounts.count()).isEqualTo(before);
        assertThat(one.registerLearner(new RegistrationForm("Elsewhere", uniqueEmail(), "calm-harbour-lantern"), network + "1"))
                .as("another network is not affected").isNotNull();

        AccountService anHourLater = node(Clock.offset(clock, Duration.ofHours(1).plusSeconds(1)));
        assertThat(anHourLater.registerLearner(new RegistrationForm("Later", uniqueEmail(), "calm-harbour-lantern"), network)).isNotNull();
    }

    @Test
    void refusedRegistrationsDoNotUseUpTheNetworksAllowance() {
        AccountService node = node(Clock.systemUTC());
        String network = "2001:db8:1::" + Integer.toHexString(new Random().nextInt(0xffff));
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> node.registerLearner(new RegistrationForm("Weak", uniqueEmail(), "password1"), network))
                    .hasMessageContaining("commonly used");
        }
        assertThat(node.registerLearner(new RegistrationForm("Strong", uniqueEmail(), "calm-harbour-lantern"), network)).isNotNull();
    }
}

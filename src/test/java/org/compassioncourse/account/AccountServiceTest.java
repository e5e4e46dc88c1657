package org.compassioncourse.account;

import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

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
}

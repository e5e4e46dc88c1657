package org.compassioncourse.account;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration is open and someone registers the future administrator's email before the operator starts the app
 * with {@code --course.bootstrap-admin}: that stranger must not become administrator with their own password. Its own
 * in-memory database (no administrator of other tests); an IT for the same reason as {@link AdministratorBootstrapIT}.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:bootstrap-takeover-test;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class AdministratorBootstrapTakeoverIT {

    private static final String EMAIL = "education.office@hospital.example";
    private static final String STRANGERS_PASSWORD = "quiet-harbour-forged-9";
    private static final String OPERATORS_PASSWORD = "copper-lantern-meadow";

    @Autowired
    AccountService accountService;
    @Autowired
    AccountSetup setup;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void anAccountRegisteredBeforeTheBootstrapIsNotMadeAdministratorWithItsOwnPassword(CapturedOutput log) {
        accountService.registerLearner(new RegistrationForm("Mallory", EMAIL, STRANGERS_PASSWORD), "203.0.113.66");

        new AdministratorBootstrap(setup, "Education.Office@hospital.example").run(null);

        CurrentUser stranger = users.loadUserByUsername(EMAIL);
        assertThat(stranger.isAdministrator()).as("the start-up made nobody administrator").isFalse();
        assertThat(stranger.getAuthorities()).extracting(Object::toString).doesNotContain(Role.ADMINISTRATOR_AUTHORITY);
        assertThat(log.getOut()).contains("==== First administrator ====").contains("has not been made administrator")
                .contains("replaces that password");
        String url = log.getOut().lines().filter(line -> line.contains("/setup/")).findFirst().orElseThrow().strip();
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(setup.invitation(token)).get().satisfies(invitation -> assertThat(invitation.administrator()).isTrue());

        setup.completeSetup(token, "Education Office", OPERATORS_PASSWORD);

        CurrentUser administrator = users.loadUserByUsername(EMAIL);
        assertThat(administrator.isAdministrator()).as("the link's user is administrator").isTrue();
        assertThat(passwordEncoder.matches(OPERATORS_PASSWORD, administrator.getPassword())).isTrue();
        assertThat(passwordEncoder.matches(STRANGERS_PASSWORD, administrator.getPassword()))
                .as("the stranger's password no longer opens the account").isFalse();
        assertThat(setup.bootstrapAdministrator(EMAIL)).as("an administrator exists now").isEmpty();
    }
}

package org.compassioncourse.account;

import org.compassioncourse.security.Role;
import org.compassioncourse.security.ThrottleEvents;
import org.compassioncourse.security.ThrottleProperties;

import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may register, enforced by the service (not only by the register page), in each mode. */
@ApplicationTest
class RegistrationModeTest {

    @Autowired
    UserAccountRepository accounts;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;
    @Autowired
    List<RegistrationInvitations> invitations;
    @Autowired
    AccountService appService;
    @Autowired
    CohortService cohorts;

    private AccountService service(RegistrationProperties.Mode mode, String... domains) {
        ThrottleProperties limits = ThrottleProperties.defaults();
        return new AccountService(accounts, passwordEncoder, clock, new ThrottleEvents(dataSource, clock, limits), limits,
                new RegistrationPolicy(new RegistrationProperties(mode, List.of(domains))), invitations);
    }

    private static RegistrationForm form(String domain) {
        return new RegistrationForm("Nia Nurse", "nia-" + UUID.randomUUID() + "@" + domain, "calm-harbour-lantern");
    }

    private static String address() {
        return "198.51.100." + (int) (Math.random() * 250);
    }

    @Test
    void openRegistrationIsTheDefaultAndAdmitsAnyAddress() {
        assertThat(appService.registerLearner(form("gmail.example"), address())).isNotNull();
        assertThat(service(RegistrationProperties.Mode.OPEN).registerLearner(form("anywhere.example"), address())).isNotNull();
    }

    @Test
    void domainsModeAdmitsTheListedDomainsAndRefusesOthersClearlyCreatingNothing() {
        AccountService service = service(RegistrationProperties.Mode.DOMAINS, "hospital.org", "trust.nhs.uk");
        assertThat(service.registerLearner(form("hospital.org"), address())).isNotNull();
        assertThat(service.registerLearner(form("TRUST.NHS.UK"), address())).isNotNull();
        long before = accounts.count();

        assertThatThrownBy(() -> service.registerLearner(form("gmail.example"), address()))
                .isInstanceOfSatisfying(RegistrationException.class, refused -> {
                    assertThat(refused.getMessage()).isEqualTo("Registration is open to addresses at hospital.org or trust.nhs.uk.");
                    assertThat(refused.field()).isEqualTo(RegistrationException.Field.EMAIL);
                });
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    @WithCourseUser(email = "mode.instructor@ward7.example", role = Role.INSTRUCTOR)
    void invitationOnlyRefusesVisitorsWithoutALiveJoinLinkAndAdmitsThoseWithOne() {
        AccountService service = service(RegistrationProperties.Mode.INVITATION_ONLY);
        String code = cohorts.createCohort("Invitation-only ward " + UUID.randomUUID()).joinCode();
        long before = accounts.count();

        assertThatThrownBy(() -> service.registerLearner(form("hospital.org"), address()))
                .hasMessage(RegistrationPolicy.BY_INVITATION);
        assertThatThrownBy(() -> service.registerLearner(form("hospital.org"), address(), "NOSUCH99"))
                .hasMessage(RegistrationPolicy.BY_INVITATION);
        assertThat(accounts.count()).isEqualTo(before);

        assertThat(service.registerLearner(form("hospital.org"), address(), code.toLowerCase())).isNotNull();
        assertThat(accounts.count()).isEqualTo(before + 1);
    }
}

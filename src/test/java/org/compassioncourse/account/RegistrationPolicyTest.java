package org.compassioncourse.account;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationPolicyTest {

    private static RegistrationPolicy policy(RegistrationProperties.Mode mode, String... domains) {
        return new RegistrationPolicy(new RegistrationProperties(mode, List.of(domains)));
    }

    @Test
    void openRegistrationAdmitsAnyone() {
        assertThat(RegistrationPolicy.open().refusal("anyone@example.com", false)).isEmpty();
    }

    @Test
    void domainsAdmitOnlyAddressesAtTheListedDomainsAndSaySoOtherwise() {
        RegistrationPolicy policy = policy(RegistrationProperties.Mode.DOMAINS, " @Hospital.org", "trust.nhs.uk ");

        assertThat(policy.refusal("nurse@hospital.org", false)).isEmpty();
        assertThat(policy.refusal("carer@trust.nhs.uk", false)).isEmpty();
        assertThat(policy.refusal("someone@gmail.com", false))
                .contains("Registration is open to addresses at hospital.org or trust.nhs.uk.");
        assertThat(policy.refusal("nurse@mail.hospital.org", false)).as("a subdomain is not the domain").isPresent();
        assertThat(policy.refusal("nurse@hospital.org.evil.example", false)).isPresent();
        assertThat(policy.refusal("someone@gmail.com", true)).as("an invitation does not widen the domains").isPresent();
    }

    @Test
    void oneDomainIsNamedAlone() {
        assertThat(policy(RegistrationProperties.Mode.DOMAINS, "hospital.org").refusal("x@example.com", false))
                .contains("Registration is open to addresses at hospital.org.");
    }

    @Test
    void invitationOnlyAdmitsOnlyInvitedVisitors() {
        RegistrationPolicy policy = policy(RegistrationProperties.Mode.INVITATION_ONLY);

        assertThat(policy.refusal("nurse@hospital.org", false)).contains(RegistrationPolicy.BY_INVITATION);
        assertThat(policy.refusal("nurse@hospital.org", true)).isEmpty();
    }

    @Test
    void domainsModeWithoutDomainsStopsTheAppWithASettingToFix() {
        assertThatThrownBy(() -> new RegistrationProperties(RegistrationProperties.Mode.DOMAINS, List.of(" ")))
                .hasMessageContaining("course.registration.domains");
    }
}

package org.compassioncourse.account;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.ProviderAccounts;
import org.compassioncourse.security.ProviderIdentity;
import org.compassioncourse.security.ProviderSignInRefused;
import org.compassioncourse.security.Role;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The accounts behind sign-ins with the identity provider, without a provider (the end-to-end flow is ProviderSignInIT):
 * what a deactivated or erased account does to them, and names the token did not give.
 */
@ApplicationTest
class ProviderSignInsTest {

    private static final String ISSUER = "https://login.northfield.example";

    @Autowired
    ProviderAccounts signIns;
    @Autowired
    ManagedAccounts managed;
    @Autowired
    Learners people;
    @Autowired
    JdbcTemplate jdbc;

    private static ProviderIdentity identity(String subject, String email, String name) {
        return new ProviderIdentity(ISSUER, subject, email, true, name, null);
    }

    @Test
    @WithMockUser(roles = "ADMINISTRATOR")
    void aDeactivatedAccountIsRefusedAndSaysWhoCanHelp() {
        CurrentUser user = signIns.signIn(identity("sub-deactivated", "dee.active@northfield.example", "Dee Active"));
        managed.setActive(user.accountId(), false);
        assertThatThrownBy(() -> signIns.signIn(identity("sub-deactivated", "dee.active@northfield.example", "Dee Active")))
                .isInstanceOf(ProviderSignInRefused.class).hasMessageContaining("deactivated");
    }

    @Test
    @WithMockUser(roles = "ADMINISTRATOR")
    void erasingAnAccountForgetsItsProviderIdentitySoTheNextSignInStartsAfresh() {
        CurrentUser first = signIns.signIn(identity("sub-erased", "ezra.erased@northfield.example", "Ezra Erased"));
        managed.erase(first.accountId());
        assertThat(jdbc.queryForObject("select count(*) from external_identity where account_id = ?", Long.class, first.accountId()))
                .isZero();
        CurrentUser again = signIns.signIn(identity("sub-erased", "ezra.erased@northfield.example", "Ezra Erased"));
        assertThat(again.accountId()).isNotEqualTo(first.accountId());
        assertThat(again.role()).isEqualTo(Role.LEARNER);
    }

    @Test
    void aTokenWithoutAnEmailCannotMakeAnAccount() {
        assertThatThrownBy(() -> signIns.signIn(new ProviderIdentity(ISSUER, "sub-no-email", null, false, "Nobody", null)))
                .isInstanceOf(ProviderSignInRefused.class).hasMessageContaining("did not tell us your email address");
    }

    @Test
    void anExistingAccountKeepsItsRoleWhereTheProviderDecidesNone() {
        CurrentUser instructor = people.instructor("Ivy Instructor", "ivy.instructor@northfield.example");
        CurrentUser signedIn = signIns.signIn(identity("sub-ivy", "ivy.instructor@northfield.example", "Ivy"));
        assertThat(signedIn.accountId()).isEqualTo(instructor.accountId());
        assertThat(signedIn.role()).isEqualTo(Role.INSTRUCTOR);
        assertThat(signedIn.displayName()).isEqualTo("Ivy Instructor");
    }
}

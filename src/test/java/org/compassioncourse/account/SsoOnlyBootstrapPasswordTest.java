package org.compassioncourse.account;

import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where sign-in is through the identity provider only, the bootstrap administrator keeps a password: the way in that
 * does not depend on the provider (the same settings as the SSO-only login page test, so the same application).
 */
@ApplicationTest
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:sso-only;DB_CLOSE_DELAY=-1",
        "course.sign-in.oidc.issuer-uri=http://127.0.0.1:9/unreachable",
        "course.sign-in.oidc.client-id=compassion-course",
        "course.sign-in.oidc.sso-only=true",
        "course.sign-in.oidc.display-name=Northfield Hospital account",
        "course.bootstrap-admin=" + SsoOnlyBootstrapPasswordTest.OFFICE})
class SsoOnlyBootstrapPasswordTest {

    static final String OFFICE = "education.office@northfield.example";

    @Autowired
    AccountSetup setup;
    @Autowired
    UserDetailsService users;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    PasswordResets resets;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theBootstrapAdministratorsPasswordWorksAndCanBeReset() {
        setup.bootstrapAdministrator(OFFICE).ifPresent(link -> {
            String url = link.url();
            setup.completeSetup(url.substring(url.lastIndexOf('/') + 1), "Olive Office", "copper-lantern-meadow");
        });
        assertThat(passwords.matches("copper-lantern-meadow", users.loadUserByUsername(OFFICE).getPassword())).isTrue();
        long office = jdbc.queryForObject("select id from user_account where email = ?", Long.class, OFFICE);
        resets.requestLink(OFFICE, "203.0.113.9");
        assertThat(jdbc.queryForObject("select count(*) from single_use_link where account_id = ? and kind = 'PASSWORD_RESET'",
                Long.class, office)).isEqualTo(1);
    }
}

package org.compassioncourse.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up with {@code --course.bootstrap-admin=email}, while no administrator has set a password: writes the first
 * administrator's single-use setup link to the log. Never a default password. Runs in every profile, before the demo
 * accounts (which are made only on a database with no accounts at all).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AdministratorBootstrap.class);

    /** Said when someone had already registered the email: the operator should know who else chose a password. */
    static final String EXISTING_ACCOUNT = """

            An account with this email already exists and has a password that was NOT set through this link (it may
            have been registered by someone else). It has not been made administrator; using the link makes it
            administrator and replaces that password, so whoever chose the old one can no longer log in with it.""";

    private final AccountSetup setup;
    private final String email;

    AdministratorBootstrap(AccountSetup setup, @Value("${course.bootstrap-admin:}") String email) {
        this.setup = setup;
        this.email = email;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank()) {
            return;
        }
        setup.bootstrapAdministrator(email).ifPresentOrElse(
                link -> LOG.warn("""

                        ==== First administrator ====
                        Open this single-use link to set the password of the administrator {} (valid until {}):
                            {}
                        The account becomes administrator when the link is used, not before.{}
                        Anyone with the link can set that password: do not share this log. The setting
                        course.bootstrap-admin does nothing once an administrator has set a password.
                        =============================""", email.strip(), link.expiresAt(), link.url(),
                        link.existingAccount() ? EXISTING_ACCOUNT : ""),
                () -> LOG.info("course.bootstrap-admin is set, but an administrator already exists: nothing to do"));
    }
}

package org.compassioncourse.account;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Creates a demo learner and a demo instructor, who is also an administrator, when the database has no users at all,
 * and announces it with {@link DemoAccountsCreated} (the demo instructor's synthetic cohort follows from that). Opt-in:
 * only under the {@code demo} profile, which {@code ./mvnw} (spring-boot:run) turns on; their passwords are public in
 * the README, so a plain start, and any start with {@code prod}, must never create them.
 */
@Component
@Profile("demo & !prod")
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final AccountService accountService;
    private final DemoAccountProperties properties;
    private final ApplicationEventPublisher events;
    private final UserAccountRepository accounts;

    DemoAccounts(AccountService accountService, DemoAccountProperties properties, ApplicationEventPublisher events,
                 UserAccountRepository accounts) {
        this.accountService = accountService;
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accountService.countAccounts() > 0) {
            return;
        }
        CurrentUser learner;
        CurrentUser instructor;
        try {
            learner = accountService.register(new RegistrationForm("Demo Learner", properties.learnerEmail(),
                    properties.learnerPassword()), Role.LEARNER);
            instructor = accountService.register(new RegistrationForm("Demo Instructor", properties.instructorEmail(),
                    properties.instructorPassword()), Role.INSTRUCTOR);
        } catch (DataIntegrityViolationException | RegistrationException anotherNodeCreatedThem) {
            // two nodes started at once on an empty database: the first one's demo accounts (and cohort) stand
            log.info("Demo accounts were created by another node");
            return;
        }
        // so the administration pages can be tried at once, as the bootstrap would make someone on a real install
        accounts.findById(instructor.accountId()).ifPresent(account -> {
            account.setAdministrator(true);
            accounts.saveAndFlush(account);
        });
        log.info("Created demo accounts {} and {} (see README)", properties.learnerEmail(), properties.instructorEmail());
        events.publishEvent(new DemoAccountsCreated(learner.accountId(), instructor.accountId()));
    }
}

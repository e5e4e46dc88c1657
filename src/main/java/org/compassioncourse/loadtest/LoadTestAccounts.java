package org.compassioncourse.loadtest;

import org.compassioncourse.account.AccountCounts;
import org.compassioncourse.security.Role;
import org.compassioncourse.account.SyntheticAccounts;
import org.compassioncourse.cohort.SyntheticCohorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Seeds the accounts the Gatling load test logs in with, under the opt-in {@code loadtest} profile: {@code learners}
 * learners ({@code learner-0001@loadtest.invalid} …, named "[Load test] learner 0001" …) in one cohort of the
 * instructor {@code instructor@loadtest.invalid}, all with the one password of {@link LoadTestProperties}, hashed once
 * (Argon2 for each of 1000 accounts would take minutes). Clearly synthetic, and never beside real people: the app
 * refuses to start with {@code prod}, or on a database holding accounts that are neither load-test, synthetic
 * ({@code @synthetic.invalid}) nor the demo accounts. A restart on a seeded database seeds nothing more.
 */
@Component
@Profile("loadtest")
@EnableConfigurationProperties(LoadTestProperties.class)
class LoadTestAccounts implements ApplicationRunner {

    static final String EMAIL_DOMAIN = "@loadtest.invalid";
    static final String NAME_PREFIX = "[Load test] ";
    static final String INSTRUCTOR_EMAIL = "instructor" + EMAIL_DOMAIN;
    /** Lower case like the synthetic cohorts' codes: typed or linked codes are read in upper case, so nobody joins it. */
    static final String JOIN_CODE = "load-test";
    /** Email domains of accounts the load test may share a database with: its own, synthetic learners'. */
    private static final List<String> INVENTED_DOMAINS = List.of(EMAIL_DOMAIN, "@synthetic.invalid");

    private static final Logger log = LoggerFactory.getLogger(LoadTestAccounts.class);

    private final AccountCounts accountCounts;
    private final SyntheticAccounts accounts;
    private final SyntheticCohorts cohorts;
    private final LoadTestProperties properties;
    private final Environment environment;
    private final TransactionTemplate transaction;

    LoadTestAccounts(AccountCounts accountCounts, SyntheticAccounts accounts, SyntheticCohorts cohorts, LoadTestProperties properties,
                     Environment environment, PlatformTransactionManager transactionManager) {
        this.accountCounts = accountCounts;
        this.accounts = accounts;
        this.cohorts = cohorts;
        this.properties = properties;
        this.environment = environment;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        refusal().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        if (accountCounts.exists(INSTRUCTOR_EMAIL)) {
            log.info("Load-test accounts already seeded");
            return;
        }
        transaction.executeWithoutResult(status -> seed());
    }

    /** Why this app must not seed load-test accounts, if it must not; the app then refuses to start. */
    Optional<String> refusal() {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            return Optional.of("The loadtest profile seeds accounts with a public password: it refuses to run with the prod profile.");
        }
        long real = accountCounts.excluding(INVENTED_DOMAINS, List.of(
                environment.getProperty("course.demo-accounts.learner-email", "learner@example.org"),
                environment.getProperty("course.demo-accounts.instructor-email", "instructor@example.org")));
        if (real > 0) {
            return Optional.of("The loadtest profile refuses to run on a database with real accounts (" + real
                    + " found): start it on a fresh database.");
        }
        return Optional.empty();
    }

    private void seed() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int learners = properties.learners();
        List<SyntheticAccounts.NewAccount> people = new ArrayList<>();
        people.add(new SyntheticAccounts.NewAccount(INSTRUCTOR_EMAIL, NAME_PREFIX + "instructor", Role.INSTRUCTOR));
        for (int i = 1; i <= learners; i++) {
            people.add(new SyntheticAccounts.NewAccount(learnerEmail(i), NAME_PREFIX + String.format(Locale.ROOT, "learner %04d", i),
                    Role.LEARNER));
        }
        List<Long> ids = accounts.create(people, properties.password(), now); // the password hashed once for every account
        long cohortId = cohorts.create(ids.getFirst(), NAME_PREFIX + learners + " learners", JOIN_CODE, now);
        cohorts.addMembers(cohortId, ids.subList(1, ids.size()), now);
        log.warn("Seeded {} load-test learners and {} with the password from course.loadtest.password: load tests only",
                learners, INSTRUCTOR_EMAIL);
    }

    /** The email of learner {@code number} (from 1): learner-0001@loadtest.invalid. */
    static String learnerEmail(int number) {
        return String.format(Locale.ROOT, "learner-%04d", number) + EMAIL_DOMAIN;
    }
}

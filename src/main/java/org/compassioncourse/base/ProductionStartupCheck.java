package org.compassioncourse.base;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Warns (does not refuse) when the {@code prod} profile runs on the embedded H2 database: either no database was
 * configured (the default H2 file under ./data) or H2 was chosen on purpose. H2 can lose the last commits on a power
 * cut and serves one server only, so a production install should use the {@code postgres} profile.
 */
@Component
@Profile("prod")
class ProductionStartupCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProductionStartupCheck.class);

    private final Environment environment;

    ProductionStartupCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        warningFor(environment.getProperty("spring.datasource.url")).ifPresent(log::warn);
    }

    /** The warning for a production start on this datasource URL, if it deserves one. */
    static Optional<String> warningFor(@Nullable String datasourceUrl) {
        if (datasourceUrl == null || datasourceUrl.isBlank()) {
            return Optional.of("The prod profile is running without a configured database. Start it with the postgres "
                    + "profile too (--spring.profiles.active=prod,postgres) and set DATABASE_URL, DATABASE_USER and "
                    + "DATABASE_PASSWORD.");
        }
        if (datasourceUrl.startsWith("jdbc:h2:")) {
            return Optional.of("The prod profile is running on the embedded H2 database (" + datasourceUrl + "): it can "
                    + "lose the last answers on a power cut and serves one server only. For production start with the "
                    + "postgres profile too (--spring.profiles.active=prod,postgres) and set DATABASE_URL, DATABASE_USER "
                    + "and DATABASE_PASSWORD; back the H2 file up (see README) if you keep it.");
        }
        return Optional.empty();
    }
}

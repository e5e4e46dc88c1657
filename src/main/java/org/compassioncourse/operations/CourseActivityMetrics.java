package org.compassioncourse.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Figures an operator watches next to the JVM's: accounts, stored quiz answers and event publications a listener has
 * not completed, read from the database, so every node reports the same cluster-wide totals (take max() across nodes,
 * not sum()). Each count is cached for a minute: a scrape every few seconds must not turn into a table count every few
 * seconds.
 */
@Component
class CourseActivityMetrics implements MeterBinder {

    private static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CourseActivityMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "course.accounts", "Accounts of real people (synthetic learners left out)",
                "select count(*) from user_account where email not like '%@synthetic.invalid'");
        gauge(registry, "course.answers.stored", "Quiz answers saved in the database (all attempts)",
                "select count(*) from quiz_response");
        gauge(registry, "course.attempts.open", "Quiz attempts started and not yet submitted or abandoned",
                "select count(*) from quiz_attempt where open_key is not null");
        // a listener of a cross-module event (a completion, a review deck, an erasure's records) that failed: its
        // publication stays incomplete in Spring Modulith's registry until the next start-up runs it again
        gauge(registry, "course.events.incomplete", "Cross-module event publications still incomplete a minute after publication",
                "select count(*) from event_publication where completion_date is null"
                        + " and publication_date < current_timestamp - interval '1' minute");
    }

    private void gauge(MeterRegistry registry, String name, String description, String countSql) {
        Supplier<Number> count = cached(() -> jdbc.queryForObject(countSql, Long.class));
        Gauge.builder(name, count).description(description).strongReference(true).register(registry);
    }

    private Supplier<Number> cached(Supplier<Long> query) {
        return new Supplier<>() {
            private Instant readAt = Instant.MIN;
            private long value;

            @Override
            public synchronized Number get() {
                Instant now = clock.instant();
                if (readAt.plus(FRESH_FOR).isBefore(now)) {
                    try {
                        Long counted = query.get();
                        value = counted == null ? 0 : counted;
                        readAt = now;
                    } catch (RuntimeException databaseDown) {
                        return Double.NaN; // Prometheus shows a gap, not a false zero
                    }
                }
                return value;
            }
        };
    }
}

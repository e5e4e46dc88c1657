package org.compassioncourse.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.compassioncourse.account.AccountCounts;
import org.compassioncourse.quiz.QuizActivityCounts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Figures an operator watches next to the JVM's: accounts, stored quiz answers and event publications a listener has
 * not completed, read from the database, so every node reports the same cluster-wide totals (take max() across nodes,
 * not sum()). Each count is cached for a minute: a scrape every few seconds must not turn into a table count every few
 * seconds. Each module counts its own rows; the event publications are this module's.
 */
@Component
class CourseActivityMetrics implements MeterBinder {

    private static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final AccountCounts accounts;
    private final QuizActivityCounts quizzes;
    private final Clock clock;

    CourseActivityMetrics(JdbcTemplate jdbc, AccountCounts accounts, QuizActivityCounts quizzes, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.quizzes = quizzes;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "course.accounts", "Accounts of real people (synthetic learners left out)",
                () -> accounts.excluding(List.of("@synthetic.invalid"), List.of()));
        gauge(registry, "course.answers.stored", "Quiz answers saved in the database (all attempts)", quizzes::answersStored);
        gauge(registry, "course.attempts.open", "Quiz attempts started and not yet submitted or abandoned", quizzes::attemptsOpen);
        // a listener of a cross-module event (a completion, a review deck, an erasure's records) that failed: its
        // publication stays incomplete in Spring Modulith's registry until the next start-up runs it again
        gauge(registry, "course.events.incomplete", "Cross-module event publications still incomplete a minute after publication",
                () -> jdbc.queryForObject("select count(*) from event_publication where completion_date is null"
                        + " and publication_date < current_timestamp - interval '1' minute", Long.class));
    }

    private void gauge(MeterRegistry registry, String name, String description, Supplier<Long> query) {
        Supplier<Number> count = cached(query);
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

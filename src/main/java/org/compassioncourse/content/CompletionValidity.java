package org.compassioncourse.content;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * How long a completion stays valid, from course.yaml's {@code validity:} block: {@code validFor} (an ISO-8601 period
 * such as {@code P2Y}; absent, a completion never expires), {@code renewalWindow} (how long before expiry renewal
 * opens, default {@link #DEFAULT_RENEWAL_WINDOW}) and {@code renewal} (what renewing asks: the final again, or the
 * lessons and the final).
 */
public record CompletionValidity(@Nullable Period validFor, Period renewalWindow, Renewal renewal) {

    public static final Period DEFAULT_RENEWAL_WINDOW = Period.ofDays(60);

    /** A completion that never expires (course.yaml without a validity block). */
    public static final CompletionValidity FOREVER = new CompletionValidity(null, Period.ZERO, Renewal.FINAL);

    /** What a learner does again to renew. */
    public enum Renewal {
        FINAL("final"),
        LESSONS_AND_FINAL("lessons-and-final");

        private final String yamlName;

        Renewal(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    /** The last day a completion on {@code completedOn} is valid, if completions expire. */
    public Optional<LocalDate> validUntil(LocalDate completedOn) {
        Period period = validFor;
        return period == null ? Optional.empty() : Optional.of(completedOn.plus(period).minusDays(1));
    }

    /** The first day of the renewal window of a completion on {@code completedOn}, if completions expire. */
    public Optional<LocalDate> renewalOpensOn(LocalDate completedOn) {
        return validUntil(completedOn).map(last -> last.plusDays(1).minus(renewalWindow));
    }
}

package org.compassioncourse.training;

import org.compassioncourse.content.CompletionContent;
import org.compassioncourse.content.CompletionValidity;
import org.compassioncourse.content.Evaluation;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The one training status rule at its edges: the due day, the renewal window, expiry, revocation and time zones. */
class TrainingRuleTest {

    private static final LocalDate DUE = LocalDate.of(2027, 3, 14);
    private static final CompletionValidity TWO_YEARS = new CompletionValidity(Period.ofYears(2), Period.ofDays(60),
            CompletionValidity.Renewal.FINAL);

    private static TrainingRule rule(CompletionValidity validity, ZoneId zone) {
        return new TrainingRule(new TrainingProperties(Period.ofDays(14)),
                new CompletionContent(Evaluation.none(), null, validity), Clock.fixed(Instant.parse("2027-01-01T12:00:00Z"), zone));
    }

    private static final TrainingRule NEVER_EXPIRES = rule(CompletionValidity.FOREVER, ZoneId.of("UTC"));
    private static final TrainingRule EXPIRES = rule(TWO_YEARS, ZoneId.of("UTC"));

    @Test
    void theDueDayItselfIsStillDueSoonAndTheDayAfterIsOverdue() {
        assertThat(NEVER_EXPIRES.decide(DUE, DUE, true, null, false).status()).isEqualTo(TrainingStatus.DUE_SOON);
        assertThat(NEVER_EXPIRES.decide(DUE, DUE, true, null, false).describe()).isEqualTo("Due 14 March 2027 — today");
        assertThat(NEVER_EXPIRES.decide(DUE.plusDays(1), DUE, true, null, false).status()).isEqualTo(TrainingStatus.OVERDUE);
        assertThat(NEVER_EXPIRES.decide(DUE.plusDays(3), DUE, false, null, false).describe())
                .isEqualTo("Overdue — was due 14 March 2027 (3 days ago)");
    }

    @Test
    void dueSoonStartsFourteenDaysBeforeTheDueDate() {
        assertThat(NEVER_EXPIRES.decide(DUE.minusDays(14), DUE, false, null, false).status()).isEqualTo(TrainingStatus.DUE_SOON);
        assertThat(NEVER_EXPIRES.decide(DUE.minusDays(12), DUE, false, null, false).describe()).isEqualTo("Due 14 March 2027 — in 12 days");
        assertThat(NEVER_EXPIRES.decide(DUE.minusDays(15), DUE, false, null, false).status()).isEqualTo(TrainingStatus.NOT_STARTED);
        assertThat(NEVER_EXPIRES.decide(DUE.minusDays(15), DUE, true, null, false).status()).isEqualTo(TrainingStatus.IN_PROGRESS);
    }

    @Test
    void withoutADueDateALearnerIsNeverDueSoonNorOverdue() {
        assertThat(NEVER_EXPIRES.decide(DUE, null, false, null, false).status()).isEqualTo(TrainingStatus.NOT_STARTED);
        assertThat(NEVER_EXPIRES.decide(DUE.plusYears(5), null, true, null, false).status()).isEqualTo(TrainingStatus.IN_PROGRESS);
    }

    @Test
    void aCompletionWithoutAValidityPeriodNeverExpiresEvenAfterTheDueDate() {
        Instant completed = Instant.parse("2027-03-20T10:00:00Z"); // late, after the due date
        TrainingStanding standing = NEVER_EXPIRES.decide(LocalDate.of(2040, 1, 1), DUE, true, completed, false);
        assertThat(standing.status()).isEqualTo(TrainingStatus.COMPLETED);
        assertThat(standing.validUntil()).isNull();
        assertThat(standing.describe()).isEqualTo("Completed 20 March 2027");
    }

    @Test
    void aCompletionIsValidForItsPeriodWithARenewalWindowBeforeExpiry() {
        Instant completed = Instant.parse("2027-03-10T10:00:00Z");
        LocalDate lastValidDay = LocalDate.of(2029, 3, 9);
        LocalDate windowOpens = LocalDate.of(2029, 1, 9); // 60 days before 10 March 2029
        TrainingStanding valid = EXPIRES.decide(windowOpens.minusDays(1), DUE, true, completed, false);
        assertThat(valid.status()).isEqualTo(TrainingStatus.COMPLETED);
        assertThat(valid.validUntil()).isEqualTo(lastValidDay);
        assertThat(valid.renewalOpensOn()).isEqualTo(windowOpens);
        assertThat(valid.describe()).isEqualTo("Completed 10 March 2027 — valid until 9 March 2029");
        assertThat(EXPIRES.decide(windowOpens, DUE, true, completed, false).status()).isEqualTo(TrainingStatus.EXPIRING_SOON);
        assertThat(EXPIRES.decide(lastValidDay, DUE, true, completed, false).status()).isEqualTo(TrainingStatus.EXPIRING_SOON);
        assertThat(EXPIRES.decide(lastValidDay, DUE, true, completed, false).describe())
                .isEqualTo("Valid until 9 March 2029 — renewal open, 1 day left");
        TrainingStanding expired = EXPIRES.decide(lastValidDay.plusDays(1), DUE, true, completed, false);
        assertThat(expired.status()).isEqualTo(TrainingStatus.EXPIRED);
        assertThat(expired.status().compliant()).isFalse();
        assertThat(expired.describe()).isEqualTo("Expired — was valid until 9 March 2029");
    }

    @Test
    void aRevokedCertificatesCompletionDoesNotCount() {
        Instant completed = Instant.parse("2027-03-01T10:00:00Z");
        assertThat(EXPIRES.decide(DUE.plusDays(1), DUE, true, completed, true).status()).isEqualTo(TrainingStatus.OVERDUE);
        assertThat(EXPIRES.decide(DUE.minusDays(30), DUE, true, completed, true).status()).isEqualTo(TrainingStatus.IN_PROGRESS);
    }

    @Test
    void theDayOfCompletionIsTheDayInTheClocksTimeZone() {
        // 23:30 UTC on 1 March is already 2 March in Auckland (UTC+13 in March)
        Instant lateEvening = Instant.parse("2027-03-01T23:30:00Z");
        TrainingStanding utc = EXPIRES.decide(LocalDate.of(2027, 4, 1), null, true, lateEvening, false);
        TrainingStanding auckland = rule(TWO_YEARS, ZoneId.of("Pacific/Auckland")).decide(LocalDate.of(2027, 4, 1), null, true, lateEvening, false);
        assertThat(utc.completedOn()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(auckland.completedOn()).isEqualTo(LocalDate.of(2027, 3, 2));
        assertThat(auckland.validUntil()).isEqualTo(LocalDate.of(2029, 3, 1));
    }
}

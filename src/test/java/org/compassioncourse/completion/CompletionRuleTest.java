package org.compassioncourse.completion;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionRuleTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-03-03T09:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-03-04T09:00:00Z");

    @Test
    void aLessonNotCompletedMeansNotCompletedEvenWithAPassedFinal() {
        assertThat(CompletionRule.completedAt(Arrays.asList(MONDAY, null), TUESDAY)).isEmpty();
    }

    @Test
    void everyLessonWithoutAPassedFinalIsNotCompleted() {
        assertThat(CompletionRule.completedAt(List.of(MONDAY, TUESDAY), null)).isEmpty();
    }

    @Test
    void completedOnTheLaterOfTheLastLessonAndTheFirstPass() {
        assertThat(CompletionRule.completedAt(List.of(MONDAY, TUESDAY), WEDNESDAY)).contains(WEDNESDAY);
        // a course that lets learners test out: the final passed first, the last lesson finished later
        assertThat(CompletionRule.completedAt(List.of(MONDAY, WEDNESDAY), TUESDAY)).contains(WEDNESDAY);
    }

    @Test
    void aCourseWithoutLessonsIsNeverCompletedByAccident() {
        assertThat(CompletionRule.completedAt(List.of(), MONDAY)).isEmpty();
    }

    @Test
    void verificationCodesCarryAHundredRandomBitsAndReadForgivingly() {
        String code = VerificationCode.generate();
        assertThat(code).hasSize(20).matches("[0-9A-HJKMNP-TV-Z]{20}");
        assertThat(VerificationCode.generate()).isNotEqualTo(code);
        assertThat(VerificationCode.normalize(VerificationCode.display(code).toLowerCase())).contains(code);
        assertThat(VerificationCode.normalize("not-a-code")).isEmpty();
        assertThat(VerificationCode.normalize(code + "0")).isEmpty();
        assertThat(VerificationCode.normalize("U".repeat(20))).as("U is not in the alphabet").isEmpty();
    }

    @Test
    void theRateLimitCountsPerAddressAndMinuteAndStaysBounded() {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(MONDAY);
        java.time.Clock clock = new java.time.Clock() {
            public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            public java.time.Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now.get(); }
        };
        VerificationRateLimit limit = new VerificationRateLimit(3, clock);
        assertThat(List.of(limit.tryAcquire("a"), limit.tryAcquire("a"), limit.tryAcquire("a"), limit.tryAcquire("a")))
                .containsExactly(true, true, true, false);
        assertThat(limit.tryAcquire("b")).as("another address has its own count").isTrue();
        now.set(MONDAY.plusSeconds(60));
        assertThat(limit.tryAcquire("a")).as("a new minute").isTrue();
        for (int i = 0; i < VerificationRateLimit.MAX_ADDRESSES + 50; i++) {
            limit.tryAcquire("10.0." + i);
        }
        assertThat(limit.addressesHeld()).isEqualTo(VerificationRateLimit.MAX_ADDRESSES);
    }
}

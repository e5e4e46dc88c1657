package org.compassioncourse.completion;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A certificate as issued: every printed field frozen at issue, so it reads the same on every later download.
 *
 * @param ceHours null on a plain certificate of completion (no certificate: block in course.yaml); then provider,
 *                accreditation and contact are null too
 * @param validUntil the last day the completion counts, printed as "Valid until …"; null when it does not expire
 */
public record IssuedCertificate(String code, String learnerName, String courseTitle, int courseVersion, LocalDate completedOn,
                                @Nullable Double ceHours, @Nullable String provider, @Nullable String accreditation,
                                @Nullable String contact, Instant issuedAt, @Nullable Instant revokedAt,
                                @Nullable String revokedReason, @Nullable LocalDate validUntil) {

    /** A certificate of a completion that does not expire. */
    public IssuedCertificate(String code, String learnerName, String courseTitle, int courseVersion, LocalDate completedOn,
                             @Nullable Double ceHours, @Nullable String provider, @Nullable String accreditation,
                             @Nullable String contact, Instant issuedAt, @Nullable Instant revokedAt,
                             @Nullable String revokedReason) {
        this(code, learnerName, courseTitle, courseVersion, completedOn, ceHours, provider, accreditation, contact, issuedAt,
                revokedAt, revokedReason, null);
    }

    public boolean continuingEducation() {
        return ceHours != null;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The code as printed: groups of four, easier to read out and type. */
    public String displayCode() {
        return VerificationCode.display(code);
    }

    /** The same certificate with its "valid until" day (worked out from course.yaml's validity when it is printed). */
    public IssuedCertificate withValidUntil(@Nullable LocalDate lastValidDay) {
        return new IssuedCertificate(code, learnerName, courseTitle, courseVersion, completedOn, ceHours, provider, accreditation,
                contact, issuedAt, revokedAt, revokedReason, lastValidDay);
    }
}

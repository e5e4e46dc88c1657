package org.compassioncourse.completion;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * What the public verification page may show: no email, score or account id.
 *
 * @param ceHours null for a plain certificate of completion
 * @param revokedOn the date it was revoked, null while valid
 * @param issuer the organisation that issued it: a CE certificate's provider, else the site's configured issuer
 * @param contact the CE provider's contact, null on a plain certificate
 * @param validUntil the last day the completion it certifies is valid (course.yaml's validity), null if it never expires
 * @param today the day of the check, in the application clock's time zone
 */
public record VerifiedCertificate(String learnerName, String courseTitle, int courseVersion, LocalDate completedOn,
                                  @Nullable Double ceHours, @Nullable LocalDate revokedOn, String issuer, LocalDate issuedOn,
                                  @Nullable String contact, @Nullable LocalDate validUntil, LocalDate today) {

    /** What the check finds: revoked wins over expired. */
    public enum State { VALID, EXPIRED, REVOKED }

    public State state() {
        if (revokedOn != null) {
            return State.REVOKED;
        }
        return validUntil != null && today.isAfter(validUntil) ? State.EXPIRED : State.VALID;
    }

    public boolean valid() {
        return state() == State.VALID;
    }
}

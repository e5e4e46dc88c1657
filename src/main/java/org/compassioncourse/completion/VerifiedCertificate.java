package org.compassioncourse.completion;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;

/**
 * What the public verification page may show: no email, score or account id.
 *
 * @param ceHours null for a plain certificate of completion
 * @param revokedOn the date it was revoked, null while valid
 */
public record VerifiedCertificate(String learnerName, String courseTitle, int courseVersion, LocalDate completedOn,
                                  @Nullable Double ceHours, @Nullable LocalDate revokedOn) {

    public boolean valid() {
        return revokedOn == null;
    }
}

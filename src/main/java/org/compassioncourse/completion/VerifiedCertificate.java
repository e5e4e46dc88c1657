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
 */
public record VerifiedCertificate(String learnerName, String courseTitle, int courseVersion, LocalDate completedOn,
                                  @Nullable Double ceHours, @Nullable LocalDate revokedOn, String issuer, LocalDate issuedOn,
                                  @Nullable String contact) {

    public boolean valid() {
        return revokedOn == null;
    }
}

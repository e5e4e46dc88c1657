package org.compassioncourse.completion;

import org.compassioncourse.content.CompletionContent;
import org.compassioncourse.content.CompletionValidity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The public side of certificates: anyone with a code (an employer, a licensing body) may check it, without logging
 * in. Unknown and malformed codes give the same empty answer; lookups are rate-limited per client address.
 */
@Service
public class CertificateVerification {

    private final CompletionRecords records;
    private final VerificationRateLimit limit;
    private final CertificateProperties properties;

    private final CompletionValidity validity;
    private final Clock clock;

    CertificateVerification(CompletionRecords records, CertificateProperties properties, Clock clock, CompletionContent content) {
        this.records = records;
        this.validity = content.validity();
        this.clock = clock;
        this.properties = properties;
        this.limit = new VerificationRateLimit(properties.verificationsPerMinute(), clock);
    }

    /** Thrown when one address asks too often; the page says to wait a minute. */
    public static class TooManyLookups extends RuntimeException {
        TooManyLookups() {
            super("Too many certificate checks from your network. Wait a minute and try again.");
        }
    }

    /**
     * The certificate with this code, if there is one.
     *
     * @param clientAddress the visitor's address, for the rate limit
     * @throws TooManyLookups when this address has used up its lookups for the minute
     */
    @Transactional(readOnly = true)
    public Optional<VerifiedCertificate> verify(String code, String clientAddress) {
        if (!limit.tryAcquire(clientAddress)) {
            throw new TooManyLookups();
        }
        return VerificationCode.normalize(code).flatMap(records::certificateByCode).map(c -> new VerifiedCertificate(
                c.learnerName(), c.courseTitle(), c.courseVersion(), c.completedOn(), c.ceHours(),
                c.revokedAt() == null ? null : LocalDate.ofInstant(c.revokedAt(), ZoneOffset.UTC),
                c.provider() != null ? c.provider() : properties.issuerOfPlainCertificates(),
                LocalDate.ofInstant(c.issuedAt(), ZoneOffset.UTC), c.contact(),
                validity.validUntil(c.completedOn()).orElse(null), LocalDate.now(clock)));
    }
}

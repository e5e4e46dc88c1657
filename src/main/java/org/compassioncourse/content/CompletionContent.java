package org.compassioncourse.content;

import org.jspecify.annotations.Nullable;

import java.util.Optional;

/** What completing the course involves beyond the lessons and quizzes: the evaluation and the certificate's issuer. */
public record CompletionContent(Evaluation evaluation, @Nullable CertificateSettings certificateSettings) {

    /** The provider block, if the course has one (then its certificate carries CE hours and the accreditation). */
    public Optional<CertificateSettings> certificate() {
        return Optional.ofNullable(certificateSettings);
    }
}

package org.compassioncourse.content;

import org.jspecify.annotations.Nullable;

import java.util.Optional;

/** What completing the course involves beyond the lessons and quizzes: the evaluation and the certificate's issuer. */
public record CompletionContent(Evaluation evaluation, @Nullable CertificateSettings certificateSettings,
                                CompletionValidity validity) {

    /** Completions that never expire (a course.yaml without a validity block). */
    public CompletionContent(Evaluation evaluation, @Nullable CertificateSettings certificateSettings) {
        this(evaluation, certificateSettings, CompletionValidity.FOREVER);
    }

    /** The provider block, if the course has one (then its certificate carries CE hours and the accreditation). */
    public Optional<CertificateSettings> certificate() {
        return Optional.ofNullable(certificateSettings);
    }

    /**
     * The continuing-education hours the course may claim: its {@code ceHours} only with a certificate block (an
     * accredited provider); without one the certificate is a plain certificate of completion, and no page may promise
     * CE hours. The one place this is decided: the course page and the certificate both read it.
     */
    public Optional<Double> ceHours(Course course) {
        return certificate().map(c -> course.ceHours());
    }
}

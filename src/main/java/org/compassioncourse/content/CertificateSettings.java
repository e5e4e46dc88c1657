package org.compassioncourse.content;

/**
 * The {@code certificate:} block of course.yaml: who issues the continuing-education certificate and under which
 * approval. A course without the block issues a plain certificate of completion, with no CE wording.
 *
 * @param provider the provider's name as it appears on the certificate
 * @param accreditation the accreditation or approval statement, word for word as the accrediting body wrote it
 * @param contact where to reach the provider or instructor (email, telephone or address)
 */
public record CertificateSettings(String provider, String accreditation, String contact) {
}

package org.compassioncourse.completion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Certificate settings of the deployment (the issuer's own fields are course content: course.yaml's certificate block).
 *
 * @param publicUrl the address learners and employers reach the app at; verification links and QR codes point there
 * @param verificationsPerMinute lookups on the verification page allowed per client address and minute
 * @param issuer the organisation that runs this site and issues its plain certificates of completion, as the public
 *               verification page names it (e.g. "Example Hospital, Education Office"); blank = the site's address.
 *               A CE certificate names its own provider (course.yaml) instead.
 */
@ConfigurationProperties("course.certificate")
public record CertificateProperties(@DefaultValue("http://localhost:8080") String publicUrl,
                                    @DefaultValue("20") int verificationsPerMinute,
                                    @DefaultValue("") String issuer) {

    /** Who issued a certificate that names no provider of its own: the configured organisation, else this site. */
    public String issuerOfPlainCertificates() {
        if (issuer != null && !issuer.isBlank()) {
            return issuer.strip();
        }
        String host = publicUrl.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceAll("/+$", "");
        return "Compassion Course at " + host;
    }

    /** The verification link for a code. */
    public String verificationLink(String code) {
        return publicUrl.replaceAll("/+$", "") + "/verify/" + code;
    }
}

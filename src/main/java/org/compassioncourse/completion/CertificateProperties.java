package org.compassioncourse.completion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Certificate settings of the deployment (the issuer's own fields are course content: course.yaml's certificate block).
 *
 * @param publicUrl the address learners and employers reach the app at; verification links and QR codes point there
 * @param verificationsPerMinute lookups on the verification page allowed per client address and minute
 */
@ConfigurationProperties("course.certificate")
public record CertificateProperties(@DefaultValue("http://localhost:8080") String publicUrl,
                                    @DefaultValue("20") int verificationsPerMinute) {

    /** The verification link for a code. */
    public String verificationLink(String code) {
        return publicUrl.replaceAll("/+$", "") + "/verify/" + code;
    }
}

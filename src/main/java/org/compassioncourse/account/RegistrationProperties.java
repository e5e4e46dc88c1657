package org.compassioncourse.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Locale;

/**
 * Who may create an account on the register page.
 *
 * @param mode    {@code open} (anyone; the default), {@code domains} (only emails at {@code domains}) or
 *                {@code invitation-only} (only visitors who came by a cohort's join link)
 * @param domains for {@code domains}: the email domains allowed, e.g. {@code hospital.org, trust.nhs.uk}; an email
 *                must be at one of them exactly (a subdomain such as {@code mail.hospital.org} is listed on its own)
 */
@ConfigurationProperties("course.registration")
public record RegistrationProperties(@DefaultValue("open") Mode mode, @DefaultValue List<String> domains) {

    public enum Mode { OPEN, DOMAINS, INVITATION_ONLY }

    public RegistrationProperties {
        domains = domains.stream()
                .map(domain -> domain.strip().toLowerCase(Locale.ROOT))
                .map(domain -> domain.startsWith("@") ? domain.substring(1) : domain)
                .filter(domain -> !domain.isEmpty())
                .toList();
        if (mode == Mode.DOMAINS && domains.isEmpty()) {
            throw new IllegalArgumentException("course.registration.mode is 'domains' but course.registration.domains lists "
                    + "none: list the email domains that may register, e.g. course.registration.domains=hospital.org,trust.nhs.uk");
        }
    }
}

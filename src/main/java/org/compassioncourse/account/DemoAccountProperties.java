package org.compassioncourse.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Demo accounts created on a fresh, empty database so the app can be tried at once; off in prod. */
@ConfigurationProperties("course.demo-accounts")
public record DemoAccountProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("learner@example.org") String learnerEmail,
        @DefaultValue("calm-harbour-lantern") String learnerPassword,
        @DefaultValue("instructor@example.org") String instructorEmail,
        @DefaultValue("steady-maple-compass") String instructorPassword) {
}

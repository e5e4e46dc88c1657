package org.compassioncourse.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The demo accounts made on a fresh, empty database under the {@code demo} profile, so the app can be tried at once. */
@ConfigurationProperties("course.demo-accounts")
public record DemoAccountProperties(
        @DefaultValue("learner@example.org") String learnerEmail,
        @DefaultValue("calm-harbour-lantern") String learnerPassword,
        @DefaultValue("instructor@example.org") String instructorEmail,
        @DefaultValue("steady-maple-compass") String instructorPassword) {
}

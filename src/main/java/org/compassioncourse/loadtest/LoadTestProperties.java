package org.compassioncourse.loadtest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The synthetic accounts the {@code loadtest} profile makes for the Gatling load test (ops/load-test.sh).
 *
 * @param learners how many learner accounts to make ({@code learner-0001@loadtest.invalid} …), all in one cohort
 * @param password the one password every load-test account logs in with (public: in the README and the script)
 */
@ConfigurationProperties("course.loadtest")
public record LoadTestProperties(
        @DefaultValue("1000") int learners,
        @DefaultValue("load-test-only-password") String password) {
}

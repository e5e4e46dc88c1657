package org.compassioncourse.loadtest;

import org.compassioncourse.security.ThrottleProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The login and other throttles keep their shipped limits; only the loadtest profile raises the per-address ones. */
class LoadTestThrottleLimitsTest {

    private static ThrottleProperties bound(String... yamlFiles) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        for (String file : yamlFiles) {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
                environment.getPropertySources().addFirst(source);
            }
        }
        return Binder.get(environment).bindOrCreate("course.throttle", ThrottleProperties.class);
    }

    @Test
    void withoutTheLoadtestProfileTheLimitsAreTheDocumentedDefaults() throws IOException {
        assertThat(bound("application.yaml")).isEqualTo(ThrottleProperties.defaults());
        assertThat(ThrottleProperties.defaults().loginFailuresPerAddress()).isEqualTo(50);
        assertThat(ThrottleProperties.defaults().loginFailuresPerEmail()).isEqualTo(10);
    }

    @Test
    void theLoadtestProfileRaisesOnlyThePerAddressLimits() throws IOException {
        ThrottleProperties limits = bound("application.yaml", "application-loadtest.yaml");
        ThrottleProperties defaults = ThrottleProperties.defaults();

        assertThat(limits.loginFailuresPerAddress()).isGreaterThanOrEqualTo(100_000);
        assertThat(limits.registrationsPerAddress()).isGreaterThanOrEqualTo(100_000);
        assertThat(limits.resetRequestsPerAddress()).isGreaterThanOrEqualTo(100_000);
        assertThat(limits.loginFailuresPerEmail()).isEqualTo(defaults.loginFailuresPerEmail());
        assertThat(limits.resetRequestsPerEmail()).isEqualTo(defaults.resetRequestsPerEmail());
        assertThat(limits.loginWindow()).isEqualTo(defaults.loginWindow());
    }
}

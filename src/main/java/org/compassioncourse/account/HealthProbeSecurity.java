package org.compassioncourse.account;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The load balancer's health probes ({@code /actuator/health}, {@code /health/readiness}, {@code /health/liveness})
 * answer without a login. Spring Boot applies the application's security filters on the separate management port
 * too, so without this chain the deny-by-default rules of {@link SecurityConfig} would send HAProxy's probe to the
 * login page and every node would look down. Only the health endpoint is matched here; any other actuator
 * endpoint stays under the main chain. Health shows no details to anonymous callers (see application.yaml).
 */
@Configuration
class HealthProbeSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain healthProbes(HttpSecurity http) throws Exception {
        return http.securityMatcher(EndpointRequest.to(HealthEndpoint.class))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // a probe carries no session and must not create one
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}

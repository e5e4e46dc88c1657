package org.compassioncourse.security;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.core.env.Environment;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The load balancer's health probes ({@code /actuator/health}, {@code /health/readiness}, {@code /health/liveness})
 * answer without a login. Spring Boot applies the application's security filters on the separate management port
 * too, so without this chain the deny-by-default rules of {@link SecurityConfig} would send HAProxy's probe to the
 * login page and every node would look down. Only the health endpoint is matched here; any other actuator
 * endpoint stays under the main chain. Health shows no details to anonymous callers (see application.yaml).
 */
@Configuration
class HealthProbeSecurity {

    /**
     * Prometheus scrapes metrics without a login, but only on the separate management port (bound to 127.0.0.1 in prod);
     * where there is none, {@code /actuator/prometheus} shares the app's port and stays behind the login.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain metricsOnTheManagementPort(HttpSecurity http, Environment environment) throws Exception {
        RequestMatcher onManagementPort = request -> {
            String management = environment.getProperty("local.management.port");
            return management != null && !management.equals(environment.getProperty("local.server.port"))
                    && String.valueOf(request.getLocalPort()).equals(management);
        };
        return http.securityMatcher(new AndRequestMatcher(EndpointRequest.to("prometheus"), onManagementPort))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .csrf(csrf -> csrf.disable())
                .build();
    }

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

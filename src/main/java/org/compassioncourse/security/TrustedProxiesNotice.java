package org.compassioncourse.security;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * In production, says at start-up when no proxy is trusted: the app then ignores every {@code X-Forwarded-*} header
 * (nobody can name their own address), which behind a TLS proxy or load balancer means http redirects, no HSTS and
 * one shared address for every visitor's limits, until {@code TRUSTED_PROXIES} names the proxy.
 */
@Component
@Profile("prod")
class TrustedProxiesNotice implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TrustedProxiesNotice.class);

    private final Environment environment;

    TrustedProxiesNotice(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        noticeFor(environment.getProperty("server.tomcat.remoteip.internal-proxies")).ifPresent(LOG::warn);
    }

    static Optional<String> noticeFor(@Nullable String trustedProxies) {
        if (trustedProxies != null && !trustedProxies.isBlank()) {
            return Optional.empty();
        }
        return Optional.of("No proxy is trusted (TRUSTED_PROXIES is empty), so X-Forwarded-For and X-Forwarded-Proto are"
                + " ignored. If a TLS proxy or load balancer is in front of this app, set TRUSTED_PROXIES to its address,"
                + " e.g. --TRUSTED_PROXIES=10.1.2.3/32: otherwise redirects go to http, no HSTS is sent, and every visitor"
                + " shares the proxy's address for the login and registration limits.");
    }
}

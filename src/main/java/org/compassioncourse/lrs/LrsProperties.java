package org.compassioncourse.lrs;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how statements go to a learning record store (docs/lrs.md). Without an endpoint nothing is sent and
 * nothing is written to the outbox; the instructors' download works either way.
 *
 * @param endpoint      the store's xAPI base, e.g. https://lrs.hospital.org/xapi (statements go to {endpoint}/statements)
 * @param username      Basic credentials (a store's "key"); blank: no Authorization header
 * @param password      Basic credentials (a store's "secret")
 * @param xapiVersion   the X-Experience-API-Version header; blank: 2.0.0 if GET {endpoint}/about lists it, else 1.0.3
 * @param batchSize     statements per POST
 * @param retryBackoff  wait after the first failed try; doubled after each further one, up to maxBackoff
 * @param maxBackoff    the longest wait between two tries
 * @param pollInterval  how often each node looks for statements due (besides right after each learner's commit)
 * @param claimFor      how long a node holds the rows it is sending; a node that dies frees them after this
 * @param timeout       connecting to and hearing back from the store
 * @param keepSent      how long a sent statement stays on the administration page before the nightly clean-up deletes it
 */
@ConfigurationProperties("course.lrs")
public record LrsProperties(
        @Nullable URI endpoint,
        @Nullable String username,
        @Nullable String password,
        @Nullable String xapiVersion,
        @DefaultValue("50") int batchSize,
        @DefaultValue("PT30S") Duration retryBackoff,
        @DefaultValue("PT1H") Duration maxBackoff,
        @DefaultValue("PT15S") Duration pollInterval,
        @DefaultValue("PT5M") Duration claimFor,
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("P30D") Duration keepSent) {

    public LrsProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("course.lrs.batch-size must be at least 1 (it is " + batchSize + ")");
        }
        if (endpoint != null && endpoint.toString().isBlank()) {
            endpoint = null;
        }
        if (endpoint != null && !("https".equals(endpoint.getScheme()) || "http".equals(endpoint.getScheme()))) {
            throw new IllegalArgumentException("course.lrs.endpoint must be an http(s) address, e.g. https://lrs.example.org/xapi (it is "
                    + endpoint + ")");
        }
    }

    /** Without the password, should the settings ever be logged. */
    @Override
    public String toString() {
        return "LrsProperties[endpoint=" + endpoint + ", username=" + username + ", password=" + (password == null || password.isEmpty() ? "" : "***")
                + ", xapiVersion=" + xapiVersion + ", batchSize=" + batchSize + ", retryBackoff=" + retryBackoff + ", maxBackoff="
                + maxBackoff + ", pollInterval=" + pollInterval + ", claimFor=" + claimFor + ", timeout=" + timeout + ", keepSent=" + keepSent + "]";
    }

    /** Whether statements are sent at all. */
    public boolean enabled() {
        return endpoint != null;
    }

    /** The store's base without a trailing slash. */
    String base() {
        String base = String.valueOf(endpoint);
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}

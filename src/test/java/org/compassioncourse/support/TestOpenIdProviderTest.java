package org.compassioncourse.support;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in tests' OpenID provider publishes its discovery document, with the end-session endpoint RP logout needs. */
class TestOpenIdProviderTest {

    @Test
    void publishesItsDiscoveryDocumentWithItsIssuerAndEndSessionEndpoint() throws Exception {
        try (TestOpenIdProvider provider = TestOpenIdProvider.start()) {
            HttpResponse<String> discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(provider.issuer() + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(discovery.statusCode()).as(provider.requests() + discovery.body()).isEqualTo(200);
            assertThat(discovery.body()).contains("\"issuer\":\"" + provider.issuer() + "\"").contains("end_session_endpoint");
        }
    }
}

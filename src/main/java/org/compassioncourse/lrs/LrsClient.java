package org.compassioncourse.lrs;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Talks to the learning record store: POST {endpoint}/statements with a JSON array, and, when no version is set,
 * GET {endpoint}/about once to pick the X-Experience-API-Version header (2.0.0 if the store lists it, else 1.0.3).
 */
@Component
class LrsClient {

    static final String VERSION_1 = XapiStatements.VERSION;
    static final String VERSION_2 = "2.0.0";
    private static final Logger LOG = LoggerFactory.getLogger(LrsClient.class);

    /** The store's answer: its HTTP status (0: it did not answer) and its message. */
    record Answer(int status, String message) {

        boolean stored() {
            return status >= 200 && status < 300;
        }
    }

    private final LrsProperties settings;
    private final JsonMapper json;
    private final HttpClient http;
    private volatile @Nullable String version;

    LrsClient(LrsProperties settings, LearningRecords records) {
        this.settings = settings;
        this.json = records.json();
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        String configured = settings.xapiVersion();
        this.version = configured == null || configured.isBlank() ? null : configured.strip();
    }

    /** Posts these statements (their JSON as stored) as one array. */
    Answer post(List<String> statements) {
        String version = version();
        StringBuilder body = new StringBuilder("[");
        for (String statement : statements) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append(VERSION_1.equals(version) ? statement : withVersion(statement, version));
        }
        body.append(']');
        HttpRequest.Builder request = request("/statements")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), message(response));
        } catch (IOException e) {
            return new Answer(0, "No answer from " + settings.base() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "Interrupted while sending (the node is stopping)");
        }
    }

    /** The version header this node sends: configured, or learned from the store's /about (asked again until it answers). */
    String version() {
        String known = version;
        if (known != null) {
            return known;
        }
        try {
            HttpResponse<String> about = http.send(request("/about").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (about.statusCode() != 200) {
                return VERSION_1;
            }
            JsonNode versions = json.readTree(about.body()).path("version");
            boolean two = false;
            for (JsonNode listed : versions) {
                two |= listed.asString().startsWith("2.0");
            }
            known = two ? VERSION_2 : VERSION_1;
            version = known;
            LOG.info("The learning record store at {} lists xAPI versions {}: sending {}", settings.base(), versions, known);
            return known;
        } catch (IOException | RuntimeException e) {
            return VERSION_1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return VERSION_1;
        }
    }

    private HttpRequest.Builder request(String resource) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.base() + resource))
                .timeout(settings.timeout())
                .header("X-Experience-API-Version", version == null ? VERSION_1 : version);
        String user = settings.username();
        if (user != null && !user.isBlank()) {
            String password = settings.password() == null ? "" : settings.password();
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /** A statement as posted under another version of xAPI: its version property says the same as the header. */
    private String withVersion(String statement, String version) {
        ObjectNode node = (ObjectNode) json.readTree(statement);
        node.put("version", version);
        return node.toString();
    }

    private static String message(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip();
        return body.isEmpty() ? "HTTP " + response.statusCode() : body;
    }
}

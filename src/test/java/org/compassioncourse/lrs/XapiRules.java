package org.compassioncourse.lrs;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The xAPI statement rules the test store checks (xAPI 1.0.3 / 2.0 Data, "Statement"), as a store that validates would:
 * required properties, a UUID id, an Agent with a mailto: mbox or an account, IRIs for verb, object and activity types,
 * an ISO 8601 timestamp with its offset, an ISO 8601 duration, a scaled score within [-1, 1] and raw within min..max,
 * language maps, and the version the request says.
 */
final class XapiRules {

    private XapiRules() {
    }

    static List<String> violations(JsonNode statement, String version) {
        List<String> problems = new ArrayList<>();
        String id = statement.path("id").asString();
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            problems.add("id is not a UUID: " + id);
        }
        JsonNode actor = statement.path("actor");
        if (!"Agent".equals(actor.path("objectType").asString(""))) {
            problems.add(id + ": actor is not an Agent");
        }
        boolean mbox = actor.path("mbox").asString("").startsWith("mailto:") && actor.path("mbox").asString("").contains("@");
        boolean account = actor.path("account").has("homePage") && actor.path("account").has("name");
        if (mbox == account) {
            problems.add(id + ": an Agent has exactly one identifier (mbox mailto: or account)");
        }
        if (!iri(statement.path("verb").path("id").asString(""))) {
            problems.add(id + ": verb id is not an IRI");
        }
        if (!statement.path("verb").path("display").isObject() || statement.path("verb").path("display").isEmpty()) {
            problems.add(id + ": verb display is not a language map");
        }
        JsonNode object = statement.path("object");
        if (!iri(object.path("id").asString(""))) {
            problems.add(id + ": object id is not an IRI");
        }
        List<JsonNode> activities = new ArrayList<>(List.of(object));
        statement.path("context").path("contextActivities").forEach(list -> list.forEach(activities::add));
        for (JsonNode activity : activities) {
            if (!iri(activity.path("id").asString(""))) {
                problems.add(id + ": an activity id is not an IRI");
            }
            JsonNode definition = activity.path("definition");
            if (definition.has("type") && !iri(definition.path("type").asString(""))) {
                problems.add(id + ": activity type is not an IRI");
            }
            if (definition.has("name") && !definition.path("name").isObject()) {
                problems.add(id + ": activity name is not a language map");
            }
        }
        String timestamp = statement.path("timestamp").asString("");
        try {
            OffsetDateTime.parse(timestamp);
        } catch (RuntimeException e) {
            problems.add(id + ": timestamp is not ISO 8601 with an offset: " + timestamp);
        }
        JsonNode result = statement.path("result");
        if (result.has("score")) {
            double scaled = result.path("score").path("scaled").asDouble(0);
            if (scaled < -1 || scaled > 1) {
                problems.add(id + ": result.score.scaled outside [-1, 1]: " + scaled);
            }
            JsonNode score = result.path("score");
            if (score.has("raw") && (score.path("raw").asDouble() < score.path("min").asDouble() || score.path("raw").asDouble() > score.path("max").asDouble())) {
                problems.add(id + ": result.score.raw outside min..max");
            }
        }
        if (result.has("duration")) {
            try {
                Duration.parse(result.path("duration").asString());
            } catch (RuntimeException e) {
                problems.add(id + ": result.duration is not ISO 8601");
            }
        }
        if (statement.has("version") && !statement.path("version").asString().equals(version)) {
            problems.add(id + ": version " + statement.path("version").asString() + " under header " + version);
        }
        return problems;
    }

    private static boolean iri(String value) {
        try {
            URI uri = URI.create(value);
            return uri.isAbsolute() && uri.getScheme() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

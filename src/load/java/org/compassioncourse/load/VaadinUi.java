package org.compassioncourse.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One virtual user's side of Vaadin Flow's client-server protocol, kept in the Gatling session: what the browser's
 * Flow client would hold. From the init response ({@code ?v-r=init}) it takes the UI id and the security key
 * ({@code Vaadin-Security-Key}, sent back as {@code csrfToken}); from every UIDL response the {@code syncId} and
 * {@code clientId} to send next, and the state-tree changes: which node carries which element {@code id} attribute and
 * tag, its children, its {@code value} property and its links. Components are then addressed by the node ids the
 * server itself sent, exactly as the browser does; nothing is replayed from a recording.
 */
final class VaadinUi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The event data a browser sends with a click (the server asks for these expressions). */
    private static final Map<String, Object> CLICK_DATA = Map.of("event.shiftKey", false, "event.metaKey", false,
            "event.detail", 1, "event.ctrlKey", false, "event.clientX", 0, "event.clientY", 0, "event.altKey", false,
            "event.button", 0, "event.screenY", 0, "event.screenX", 0);

    private final int uiId;
    private final String securityKey;
    private int syncId;
    private int clientId;
    /** element id attribute → node; LinkedHashMap keeps the order in which the page sent them */
    private final Map<String, Integer> nodeById = new LinkedHashMap<>();
    private final Map<Integer, String> tagByNode = new HashMap<>();
    private final Map<Integer, List<Integer>> childrenByNode = new HashMap<>();
    private final Map<Integer, JsonNode> valueByNode = new HashMap<>();
    private final List<String> hrefs = new ArrayList<>();
    private final java.util.Set<Integer> disabledNodes = new java.util.HashSet<>();

    private VaadinUi(int uiId, String securityKey, int syncId, int clientId) {
        this.uiId = uiId;
        this.securityKey = securityKey;
        this.syncId = syncId;
        this.clientId = clientId;
    }

    /** The UI a page load's init response ({@code GET ?v-r=init&location=…}) describes. */
    static VaadinUi fromInit(String initResponse) {
        try {
            JsonNode config = JSON.readTree(initResponse).path("appConfig");
            JsonNode uidl = config.path("uidl");
            String key = uidl.path("Vaadin-Security-Key").asText(null);
            if (key == null || !config.has("v-uiId")) {
                throw new IllegalStateException("init response without UI id or security key: " + abbreviate(initResponse));
            }
            VaadinUi ui = new VaadinUi(config.path("v-uiId").asInt(), key, uidl.path("syncId").asInt(), uidl.path("clientId").asInt());
            ui.track(uidl);
            return ui;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("init response is not JSON: " + abbreviate(initResponse), e);
        }
    }

    int uiId() {
        return uiId;
    }

    /** Reads a UIDL response: the next syncId and clientId, and the changes to the state tree. */
    void apply(String uidlResponse) {
        String body = uidlResponse.startsWith("for(;;);") ? uidlResponse.substring(8) : uidlResponse;
        try {
            JsonNode uidl = JSON.readTree(body);
            if (uidl.isArray()) {
                uidl = uidl.get(0);
            }
            if (uidl.has("syncId")) {
                syncId = uidl.get("syncId").asInt();
            }
            if (uidl.has("clientId")) {
                clientId = uidl.get("clientId").asInt();
            }
            track(uidl);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("UIDL response is not JSON: " + abbreviate(body), e);
        }
    }

    private void track(JsonNode uidl) {
        for (JsonNode change : uidl.path("changes")) {
            int node = change.path("node").asInt();
            String type = change.path("type").asText();
            if ("detach".equals(type)) {
                nodeById.values().removeIf(n -> n == node);
                continue;
            }
            String key = change.path("key").asText("");
            int feature = change.path("feat").asInt(-1);
            if ("put".equals(type)) {
                if (feature == 0 && "tag".equals(key)) {
                    tagByNode.put(node, change.path("value").asText());
                } else if (feature == 3 && "id".equals(key)) {
                    nodeById.remove(change.path("value").asText()); // an id moved to a new node goes to the end
                    nodeById.put(change.path("value").asText(), node);
                } else if (feature == 3 && "disabled".equals(key)) {
                    disabledNodes.add(node);
                } else if (feature == 3 && "href".equals(key)) {
                    hrefs.add(change.path("value").asText());
                } else if (feature == 1 && "value".equals(key)) {
                    valueByNode.put(node, change.path("value"));
                }
            } else if ("remove".equals(type) && feature == 3 && "disabled".equals(key)) {
                disabledNodes.remove(node);
            } else if ("splice".equals(type) && feature == 2) {
                List<Integer> children = childrenByNode.computeIfAbsent(node, n -> new ArrayList<>());
                if (change.has("remove")) {
                    int index = change.path("index").asInt();
                    for (int i = 0; i < change.path("remove").asInt() && index < children.size(); i++) {
                        children.remove(index);
                    }
                }
                int at = Math.min(change.path("index").asInt(), children.size());
                for (JsonNode added : change.path("addNodes")) {
                    children.add(at++, added.asInt());
                }
            } else if ("clear".equals(type) && feature == 2) {
                childrenByNode.remove(node);
            }
        }
    }

    /** Whether the element carries the disabled attribute (a disabled button's clicks are ignored by the server). */
    boolean disabled(String elementId) {
        return Optional.ofNullable(nodeById.get(elementId)).map(disabledNodes::contains).orElse(false);
    }

    boolean has(String elementId) {
        return nodeById.containsKey(elementId);
    }

    int node(String elementId) {
        Integer node = nodeById.get(elementId);
        if (node == null) {
            throw new IllegalStateException("no element with id '" + elementId + "' on the page");
        }
        return node;
    }

    Optional<String> tag(String elementId) {
        return Optional.ofNullable(nodeById.get(elementId)).map(tagByNode::get);
    }

    /** Element ids on the page that start with the prefix, in the order the page sent them. */
    List<String> idsStartingWith(String prefix) {
        return nodeById.keySet().stream().filter(id -> id.startsWith(prefix)).toList();
    }

    Optional<String> hrefStartingWith(String prefix) {
        return hrefs.stream().filter(h -> h.startsWith(prefix)).reduce((a, b) -> b);
    }

    /** The item key (the {@code value} property) of the first radio button or checkbox inside a group. */
    String firstOptionKey(String groupId) {
        for (int child : childrenByNode.getOrDefault(node(groupId), List.of())) {
            JsonNode value = valueByNode.get(child);
            if (value != null && !value.isNull()) {
                return value.asText();
            }
        }
        throw new IllegalStateException("group '" + groupId + "' has no options");
    }

    // --- RPC messages, as the Flow client builds them ---

    /** The server-side navigation a page load or a router link starts (the event Flow's router fires on the UI). */
    ObjectNode navigate(String route) {
        ObjectNode data = NODES.objectNode().put("route", route).put("query", "").put("appShellTitle", "").put("trigger", "");
        data.putObject("historyState").put("idx", 0);
        return event(1, "ui-navigate", data);
    }

    ObjectNode click(String elementId) {
        return event(node(elementId), "click", JSON.valueToTree(CLICK_DATA));
    }

    /** A synchronised property change ("mSync"), which the client sends right before the event that carries it. */
    ObjectNode sync(String elementId, String property, JsonNode value) {
        ObjectNode sync = NODES.objectNode().put("type", "mSync").put("node", node(elementId)).put("feature", 1).put("property", property);
        sync.set("value", value);
        return sync;
    }

    ObjectNode changed(String elementId, String event) {
        return event(node(elementId), event, NODES.objectNode());
    }

    private static ObjectNode event(int node, String event, JsonNode data) {
        ObjectNode rpc = NODES.objectNode().put("type", "event").put("node", node).put("event", event);
        rpc.set("data", data);
        return rpc;
    }

    /** The request body: the invocations with the security key and the ids the server expects next. */
    String message(List<ObjectNode> invocations) {
        ObjectNode message = NODES.objectNode().put("csrfToken", securityKey);
        ArrayNode rpc = message.putArray("rpc");
        invocations.forEach(rpc::add);
        message.put("syncId", syncId).put("clientId", clientId);
        return message.toString();
    }

    static JsonNode text(String value) {
        return NODES.textNode(value);
    }

    static JsonNode array(String value) {
        return NODES.arrayNode().add(value);
    }

    static JsonNode bool(boolean value) {
        return NODES.booleanNode(value);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}

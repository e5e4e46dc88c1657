package org.compassioncourse.lrs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A learning record store for tests (JDK HTTP server): checks the version header, Basic credentials and every
 * statement's shape (XapiRules), stores statements by id and answers as a store does: 200 with the ids, 409 for a
 * batch holding an id it already has (storing none of that batch), 401 for wrong credentials. On demand it answers a
 * given status for the next posts, or holds one post (after storing it) unanswered until released.
 */
final class FakeLrs implements AutoCloseable {

    static final String USER = "ward7-key";
    static final String PASSWORD = "ward7-secret";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    final Map<String, JsonNode> stored = new ConcurrentHashMap<>();
    /** How often each statement id came in a post, stored or not. */
    final Map<String, AtomicInteger> posted = new ConcurrentHashMap<>();
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final List<String> versionHeaders = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger posts = new AtomicInteger();
    private final Deque<Integer> nextAnswers = new ConcurrentLinkedDeque<>();
    private volatile List<String> aboutVersions = List.of("1.0.3");
    private volatile String expectedVersion = "1.0.3";
    private final java.util.concurrent.atomic.AtomicBoolean holdOne = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile CountDownLatch held = new CountDownLatch(0);

    FakeLrs() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/xapi/about", this::about);
        server.createContext("/xapi/statements", this::statements);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/xapi";
    }

    /** Forgets everything stored and every demand. */
    void reset() {
        stored.clear();
        posted.clear();
        violations.clear();
        versionHeaders.clear();
        posts.set(0);
        nextAnswers.clear();
        aboutVersions = List.of("1.0.3");
        expectedVersion = "1.0.3";
        hold = new CountDownLatch(0);
        holdOne.set(false);
    }

    /** The next posts are answered with these statuses (without storing), one each. */
    void answerNext(Integer... statuses) {
        nextAnswers.addAll(List.of(statuses));
    }

    void lists(List<String> versions, String expected) {
        aboutVersions = versions;
        expectedVersion = expected;
    }

    /** The next post is stored and then held unanswered until {@link #release()}; returns a latch that opens when it is held. */
    CountDownLatch holdNextPost() {
        held = new CountDownLatch(1);
        hold = new CountDownLatch(1);
        holdOne.set(true);
        return held;
    }

    void release() {
        hold.countDown();
    }

    List<JsonNode> storedStatements() {
        return List.copyOf(stored.values());
    }

    private void about(HttpExchange exchange) throws IOException {
        answer(exchange, 200, JSON.writeValueAsString(Map.of("version", aboutVersions)));
    }

    private void statements(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, "only POST here");
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        posts.incrementAndGet();
        String version = exchange.getRequestHeaders().getFirst("X-Experience-API-Version");
        versionHeaders.add(String.valueOf(version));
        if (!expectedVersion.equals(version)) {
            answer(exchange, 400, "X-Experience-API-Version must be " + expectedVersion + ", was " + version);
            return;
        }
        String expectedAuth = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "unknown credentials");
            return;
        }
        if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            answer(exchange, 400, "Content-Type must be application/json");
            return;
        }
        JsonNode array = JSON.readTree(body);
        if (!array.isArray()) {
            answer(exchange, 400, "expected an array of statements");
            return;
        }
        List<JsonNode> statements = new ArrayList<>();
        array.forEach(statements::add);
        statements.forEach(s -> posted.computeIfAbsent(s.path("id").asString(), k -> new AtomicInteger()).incrementAndGet());
        Integer demanded = nextAnswers.poll();
        if (demanded != null) {
            answer(exchange, demanded, demanded >= 500 ? "the store is down for maintenance" : "refused on demand");
            return;
        }
        List<String> problems = new ArrayList<>();
        statements.forEach(s -> problems.addAll(XapiRules.violations(s, expectedVersion)));
        if (!problems.isEmpty()) {
            violations.addAll(problems);
            answer(exchange, 400, String.join("; ", problems));
            return;
        }
        List<String> ids = statements.stream().map(s -> s.path("id").asString()).toList();
        synchronized (stored) {
            List<String> conflicts = ids.stream().filter(stored::containsKey).toList();
            if (!conflicts.isEmpty()) {
                answer(exchange, 409, "the store already holds statement(s) " + conflicts);
                return;
            }
            statements.forEach(s -> stored.put(s.path("id").asString(), s));
        }
        if (holdOne.compareAndSet(true, false)) {
            held.countDown();
            try {
                hold.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answer(exchange, 200, JSON.writeValueAsString(ids));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientGone) {
            // the sender stopped waiting
        }
    }

    @Override
    public void close() {
        hold.countDown();
        server.stop(0);
    }
}

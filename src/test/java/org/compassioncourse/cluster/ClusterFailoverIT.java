package org.compassioncourse.cluster;

import org.compassioncourse.support.Browser;
import org.compassioncourse.support.BrowserExtension;
import org.compassioncourse.support.FixtureCourse;
import org.compassioncourse.support.ScratchPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes (separate JVMs) on one fresh PostgreSQL database behind HAProxy with the shipped
 * {@code ops/haproxy.cfg}, learners in real Chromium. A node dies (kill -9) or is stopped for a rolling restart
 * (SIGTERM): its learners log in again on the other node and find every answer the page had confirmed, on the same
 * attempt; learners on the other node notice nothing; HAProxy sends nobody to the stopped node.
 * <p>
 * Needs PostgreSQL (127.0.0.1:5432 or COURSE_TEST_POSTGRES_URL), HAProxy and Chromium; skips with a message where one
 * is missing (on CI, where .ci/run installs them, a missing HAProxy fails). Node and HAProxy logs go to
 * target/cluster-it/.
 */
class ClusterFailoverIT {

    private static final String PASSWORD = "calm-harbour-lantern";
    private static final Duration NODE_START = Duration.ofMinutes(4);
    private static final Path LOGS = Path.of("target", "cluster-it");

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();
    private final Random random = new Random();
    private final Map<String, Process> nodes = new LinkedHashMap<>();
    private final Map<String, Integer> serverPorts = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private String database = "";
    private int lbPort;
    private int statsPort;
    private Process haproxy;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void startCluster() throws Exception {
        String haproxyBinary = Stream.of("/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy")
                .filter(p -> new File(p).canExecute()).findFirst().orElse(null);
        if (haproxyBinary == null && System.getenv("CI") != null) {
            throw new IllegalStateException("HAProxy is missing on CI: .ci/run must install it");
        }
        Assumptions.assumeTrue(haproxyBinary != null, "Cluster failover test skipped: install HAProxy (apt-get install haproxy) to run it");
        database = "cluster_" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
        try {
            ScratchPostgres.createOrFail(database);
        } catch (SQLException unreachable) {
            database = "";
            Assumptions.abort("Cluster failover test skipped: no PostgreSQL at " + ScratchPostgres.SERVER + " (" + unreachable.getMessage() + ")");
        }
        Files.createDirectories(LOGS);

        // both nodes start at the same moment on the empty database: Flyway's advisory lock lets one migrate
        for (String node : List.of("node1", "node2")) {
            startNode(node, freePort(), freePort());
        }
        for (String node : nodes.keySet()) {
            awaitReady(node);
        }
        try (Connection db = database(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select count(*) filter (where success), count(*) filter (where not success) from flyway_schema_history")) {
            rows.next();
            assertThat(rows.getInt(1)).as("migrations applied once, by one node").isEqualTo(migrationCount());
            assertThat(rows.getInt(2)).as("failed migrations").isZero();
        }
        startHaproxy(haproxyBinary);
    }

    @AfterEach
    void stopCluster() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // the other resources must still be released
            }
        }
        nodes.values().forEach(Process::destroyForcibly);
        if (haproxy != null) {
            haproxy.getOutputStream().close(); // the wrapper stops HAProxy when its input closes
            haproxy.waitFor(10, TimeUnit.SECONDS);
            haproxy.destroyForcibly();
        }
        for (Process node : nodes.values()) {
            node.waitFor(30, TimeUnit.SECONDS);
        }
        if (!database.isEmpty()) {
            ScratchPostgres.drop(database);
        }
    }

    @Test
    void learnerWhoseNodeIsKilledLogsInOnTheOtherAndResumesWithEveryConfirmedAnswer() throws Exception {
        Learner ann = learner("Ann Failover");
        Learner ben = learnerOnAnotherNodeThan(ann, "Ben Bystander");
        String preTestQuestion = answerPreTest(ann);
        checkFirstKnowledgeQuestion(ann);

        Process node = nodes.get(ann.node());
        node.destroyForcibly(); // SIGKILL: no shutdown, the node's sessions are gone with it
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertLearnerResumesOnTheOtherNode(ann, preTestQuestion, true);
        assertLearnerNoticesNothing(ben);
    }

    @Test
    void nodeStoppedForARollingRestartLosesNothingAndIsSentNobodyOnceItsHealthCheckFails() throws Exception {
        Learner ann = learner("Ann Restart");
        Learner ben = learnerOnAnotherNodeThan(ann, "Ben Bystander");
        String preTestQuestion = answerPreTest(ann);

        Process node = nodes.get(ann.node());
        node.destroy(); // SIGTERM: readiness goes DOWN, requests in flight finish, the node exits
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("%s stopped within its graceful shutdown time", ann.node()).isTrue();
        awaitHaproxyStatus(ann.node(), status -> status.startsWith("DOWN"));

        String live = ben.node();
        List<String> servedBy = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lbPort + "/login"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(200);
            servedBy.add(response.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("SERVERID="))
                    .map(c -> c.substring("SERVERID=".length(), c.indexOf(';'))).findFirst().orElse("(no SERVERID)"));
        }
        assertThat(servedBy).as("20 new visitors after %s was taken out", ann.node()).containsOnly(live);

        assertLearnerResumesOnTheOtherNode(ann, preTestQuestion, false);
        assertLearnerNoticesNothing(ben);
    }

    /** A learner's browser, which node served it (HAProxy's SERVERID cookie) and their account. */
    private record Learner(Browser browser, String node, String email) {
    }

    private Learner learner(String name) {
        Browser browser = browsers.start(lbPort);
        browser.open("login");
        return register(browser, name);
    }

    /** Opens the site as a new visitor until HAProxy's round robin places them on the other node. */
    private Learner learnerOnAnotherNodeThan(Learner other, String name) {
        Browser browser = browsers.start(lbPort);
        for (int tries = 0; tries < 10; tries++) {
            browser.open("login");
            if (!other.node().equals(servingNode(browser))) {
                return register(browser, name);
            }
            browser.driver().manage().deleteAllCookies();
        }
        throw new AssertionError("HAProxy placed 10 new visitors on " + other.node() + "; round robin should alternate");
    }

    private Learner register(Browser browser, String name) {
        String email = name.toLowerCase().replace(' ', '-') + "-" + UUID.randomUUID() + "@ward7.example";
        browser.open("register").type("display-name", name).type("email", email).type("password", PASSWORD)
                .click(By.id("create-account"));
        browser.waitForPath("");
        return new Learner(browser, servingNode(browser), email);
    }

    private static String servingNode(Browser browser) {
        Cookie cookie = browser.driver().manage().getCookieNamed("SERVERID");
        assertThat(cookie).as("HAProxy's SERVERID cookie").isNotNull();
        return cookie.getValue();
    }

    /** Answers the pre-test's one question (true/false or scenario, whichever was drawn); returns its id once saved. */
    private static String answerPreTest(Learner learner) {
        Browser browser = learner.browser();
        browser.open("quiz/pre-test");
        browser.waitFor(By.cssSelector(".question-card"));
        boolean trueFalse = browser.isPresent(By.id("question-first-tf"));
        String group = trueFalse ? "answer-first-tf" : "answer-first-scenario";
        String option = trueFalse ? "False" : "Empathy";
        browser.click(By.xpath("//*[@id='" + group + "']//vaadin-radio-button[normalize-space(.)='" + option + "']"));
        browser.waitUntil(d -> d.findElement(By.cssSelector(".save-status")).getText().equals("Answer saved."));
        assertThat(servingNode(browser)).isEqualTo(learner.node());
        return trueFalse ? "first-tf" : "first-scenario";
    }

    /** Checks the first-lesson knowledge check's single-choice question; the feedback means it is stored. */
    private static void checkFirstKnowledgeQuestion(Learner learner) {
        Browser browser = learner.browser();
        browser.open("quiz/knowledge-check/first-lesson");
        browser.openQuestion("first-single");
        browser.click(By.xpath("//*[@id='answer-first-single']//vaadin-radio-button[contains(., 'Feeling with someone')]"));
        browser.click(By.id("check-first-single"));
        assertThat(browser.textOf(By.cssSelector("#question-first-single .feedback-panel"))).contains("✓ Correct");
    }

    /**
     * The learner's next page goes to the surviving node, which has no session for them: they log in again and find
     * the same attempts, with every confirmed answer shown as saved and stored once.
     */
    private void assertLearnerResumesOnTheOtherNode(Learner learner, String preTestQuestion, boolean checkedKnowledgeQuestion)
            throws SQLException {
        Browser browser = learner.browser();
        List<Long> attemptsBefore = attemptIds(learner.email());
        browser.open("quiz/pre-test");
        browser.waitForPath("login"); // the surviving node knows no session for them: log in again
        assertThat(servingNode(browser)).as("served by the surviving node").isNotEqualTo(learner.node());
        browser.waitFor(By.cssSelector("#vaadinLoginUsername input")).sendKeys(learner.email());
        browser.waitFor(By.cssSelector("#vaadinLoginPassword input")).sendKeys(PASSWORD, Keys.ENTER);
        browser.waitUntil(d -> !browser.path().equals("login"));
        browser.open("quiz/pre-test");
        assertThat(browser.textOf(By.cssSelector("#question-" + preTestQuestion + " .save-status"))).isEqualTo("Answer saved.");
        assertThat(browser.textOf(By.id("answered-count"))).isEqualTo("1 of 1 answered");
        if (checkedKnowledgeQuestion) {
            browser.open("quiz/knowledge-check/first-lesson");
            browser.openQuestion("first-single");
            assertThat(browser.textOf(By.cssSelector("#question-first-single .feedback-panel"))).contains("✓ Correct");
        }
        assertThat(attemptIds(learner.email())).as("the same attempts resumed, none started afresh").isEqualTo(attemptsBefore);
        List<String> expected = new ArrayList<>(List.of("PRE_TEST " + preTestQuestion));
        if (checkedKnowledgeQuestion) {
            expected.add("KNOWLEDGE_CHECK first-single");
        }
        assertThat(storedAnswers(learner.email())).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** A learner on the surviving node carries on in the same session: no login page, answers saved. */
    private static void assertLearnerNoticesNothing(Learner learner) {
        Browser browser = learner.browser();
        checkFirstKnowledgeQuestion(learner);
        assertThat(browser.path()).isEqualTo("quiz/knowledge-check/first-lesson");
        assertThat(servingNode(browser)).isEqualTo(learner.node());
    }

    private List<Long> attemptIds(String email) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "select a.id from quiz_attempt a join user_account u on u.id = a.user_id where u.email = ? order by a.id")) {
            query.setString(1, email);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private List<String> storedAnswers(String email) throws SQLException {
        List<String> answers = new ArrayList<>();
        try (Connection db = database(); PreparedStatement query = db.prepareStatement("select a.kind, r.question_id from quiz_response r"
                + " join quiz_attempt a on a.id = r.attempt_id join user_account u on u.id = a.user_id where u.email = ?")) {
            query.setString(1, email);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    answers.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
        }
        return answers;
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection(ScratchPostgres.url(database), ScratchPostgres.USER, "");
    }

    /** The SQL migrations plus the Java ones (Spring beans implementing Flyway's JavaMigration, e.g. V102). */
    private static int migrationCount() throws IOException {
        int sql;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            sql = (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            return sql + (int) sources.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readString(f).contains("implements JavaMigration");
                } catch (IOException unreadable) {
                    throw new java.io.UncheckedIOException(unreadable);
                }
            }).count();
        }
    }

    private void startNode(String name, int port, int managementPort) throws IOException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                ClusterNode.class.getName(),
                "--spring.profiles.active=postgres",
                "--DATABASE_URL=" + ScratchPostgres.url(database), "--DATABASE_USER=" + ScratchPostgres.USER, "--DATABASE_PASSWORD=",
                "--course.content-dir=" + FixtureCourse.FOLDER.toAbsolutePath(),
                "--server.address=127.0.0.1", "--server.port=" + port,
                "--management.server.address=127.0.0.1", "--management.server.port=" + managementPort,
                // visitors' own addresses from HAProxy's X-Forwarded-For, trusted from HAProxy on loopback only, as
                // ops/run-cluster.sh does
                "--server.forward-headers-strategy=native", "--TRUSTED_PROXIES=127.0.0.1/32",
                "--vaadin.devmode.devTools.enabled=false",
                "--spring.main.banner-mode=off", "--logging.level.root=warn", "--logging.level.org.compassioncourse=info");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(LOGS.resolve(name + ".log").toFile()).start();
        nodes.put(name, process);
        managementPorts.put(name, managementPort);
        serverPorts.put(name, port);
    }

    private void awaitReady(String node) throws Exception {
        long deadline = System.nanoTime() + NODE_START.toNanos();
        URI readiness = URI.create("http://127.0.0.1:" + managementPorts.get(node) + "/actuator/health/readiness");
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    assertThat(response.body()).contains("\"db\":{\"status\":\"UP\"}").contains("\"courseContent\":{\"status\":\"UP\"}");
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!nodes.get(node).isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(node + (nodes.get(node).isAlive() ? " was not ready in time" : " ended while starting")
                        + "; the end of its log:\n" + tail(LOGS.resolve(node + ".log")));
            }
            Thread.sleep(500);
        }
    }

    /** HAProxy with the shipped configuration, under a shell that stops it when the test closes its input. */
    private void startHaproxy(String binary) throws Exception {
        lbPort = freePort();
        statsPort = freePort();
        Path config = Path.of("ops", "haproxy.cfg").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("sh", "-c",
                "\"$0\" -db -f \"$1\" & pid=$!; cat > /dev/null; kill $pid; wait $pid", binary, config.toString())
                .redirectErrorStream(true).redirectOutput(LOGS.resolve("haproxy.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("COURSE_LB_BIND", "127.0.0.1:" + lbPort);
        env.put("COURSE_LB_STATS_BIND", "127.0.0.1:" + statsPort);
        env.put("NODE1_ADDR", "127.0.0.1:" + serverPorts.get("node1"));
        env.put("NODE1_MGMT_PORT", String.valueOf(managementPorts.get("node1")));
        env.put("NODE2_ADDR", "127.0.0.1:" + serverPorts.get("node2"));
        env.put("NODE2_MGMT_PORT", String.valueOf(managementPorts.get("node2")));
        haproxy = builder.start();
        for (String node : nodes.keySet()) {
            awaitHaproxyStatus(node, "UP"::equals);
        }
    }

    /** Waits until HAProxy's status page (CSV) shows the node in the wanted state, e.g. "UP" or "DOWN". */
    private void awaitHaproxyStatus(String node, Predicate<String> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String status = "(no answer)";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/;csv"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                for (String line : csv.body().split("\n")) {
                    String[] fields = line.split(",", -1);
                    if (fields.length > 17 && fields[0].equals("course_nodes") && fields[1].equals(node)) {
                        status = fields[17];
                    }
                }
                if (wanted.test(status)) {
                    return;
                }
            } catch (IOException notYet) {
                // HAProxy is starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("HAProxy shows " + node + " as " + status + "; its log:\n" + tail(LOGS.resolve("haproxy.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}

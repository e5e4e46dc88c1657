import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap per learner session (README, "Benchmark"; run by ops/session-memory-benchmark.sh, or on its own with
 * {@code java ops/SessionMemoryBenchmark.java <base-url> <pid> [sessions] [threads]} against a running production jar
 * with the demo learner). Each session is a fresh browser: it opens the login page, logs in, lands on the course page,
 * opens a lesson and then a knowledge check (or the routes in -Dpages=a,b,c), each a full page load as a browser makes it — the HTML page, Vaadin's
 * {@code ?v-r=init} request, the {@code ui-navigate} event that renders the route and the components' first property
 * sync (checked against the requests a headless Chromium sends) — and, when leaving a page, the
 * UI-close beacon the Vaadin 25 client sends on {@code pagehide} ({@code {"csrfToken":…,"rpc":[],"UNLOAD":true}} to
 * {@code ?v-r=uidl&v-uiId=…}). The last page stays open, as the learner's tab would. Then it compares the live heap
 * (after a full GC: jcmd GC.class_histogram) with the same figure before the sessions, divided by the sessions.
 * Prints figures; asserts nothing about size.
 */
public class SessionMemoryBenchmark {

    static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(\\d+)");
    static final Pattern CLIENT_ID = Pattern.compile("\"clientId\":(\\d+)");
    static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");
    // listeners for web-component property changes ("checked-changed", "drawer-opened-changed", ...) in a response
    static final Pattern PROPERTY_LISTENER = Pattern.compile("\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"([a-z-]+-changed)\",\"feat\":4,");
    // what the browser sends as browser details with ?v-r=init (Flow.ts collectBrowserDetails)
    static final String BROWSER_DETAILS = "&v-sh=1080&v-sw=1920&v-wh=960&v-ww=1280&v-bh=960&v-bw=1280&v-curdate=%d"
            + "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-td=false&v-pr=1&v-np=Linux%%20x86_64&v-cs="
            + "&v-pv=visible&v-fs=&v-so=landscape-primary&v-soa=0&v-tn=aura";

    final String base;
    final String email;
    final String password;
    final List<String> routes;

    SessionMemoryBenchmark(String base, String email, String password, List<String> routes) {
        this.base = base;
        this.email = email;
        this.password = password;
        this.routes = routes;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java ops/SessionMemoryBenchmark.java <base-url> <pid> [sessions=500] [threads=4]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/$", "");
        long pid = Long.parseLong(args[1]);
        int sessions = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        var benchmark = new SessionMemoryBenchmark(base,
                System.getProperty("email", "learner@example.org"), System.getProperty("password", "calm-harbour-lantern"),
                List.of(System.getProperty("pages", ",lesson/studying-the-brain,quiz/knowledge-check/studying-the-brain")
                        .split(",", -1)));

        // one session first, so classes loaded and caches filled on first use are in the baseline, not in the figure
        benchmark.learnerSession();
        Histogram before = Histogram.of(pid);

        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                running.add(pool.submit(() -> {
                    benchmark.learnerSession();
                    return null;
                }));
            }
            for (Future<?> session : running) {
                session.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram after = Histogram.of(pid);

        long delta = after.totalBytes - before.totalBytes;
        System.out.printf("%d learner sessions (login, then /%s; full page loads with Vaadin's unload beacon) in %.1f s%n",
                sessions, String.join(", /", benchmark.routes), seconds);
        System.out.printf("live heap after full GC: %,d kB before, %,d kB after: %,d kB more%n",
                before.totalBytes / 1024, after.totalBytes / 1024, delta / 1024);
        System.out.printf("HEAP PER SESSION: %.1f kB%n", delta / 1024.0 / sessions);
        System.out.println();
        System.out.println("Top 15 classes by growth (per session):");
        System.out.printf("%12s %10s %12s  %s%n", "bytes", "instances", "bytes/sess", "class");
        after.counts.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new long[]{
                        e.getValue()[0] - before.counts.getOrDefault(e.getKey(), new long[2])[0],
                        e.getValue()[1] - before.counts.getOrDefault(e.getKey(), new long[2])[1]}))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(15)
                .forEach(e -> System.out.printf("%,12d %,10d %,12.0f  %s%n", e.getValue()[1], e.getValue()[0],
                        (double) e.getValue()[1] / sessions, e.getKey()));
        for (String watched : List.of("com.vaadin.flow.component.UI", "com.vaadin.flow.internal.StateNode",
                "com.vaadin.flow.server.VaadinSession")) {
            long[] a = after.counts.getOrDefault(watched, new long[2]);
            long[] b = before.counts.getOrDefault(watched, new long[2]);
            System.out.printf("%s: %.1f instances per session%n", watched, (a[0] - b[0]) / (double) sessions);
        }
    }

    /** One learner in a fresh browser, as described on the class. */
    void learnerSession() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
        String loginPage = get(client, "/login");
        Matcher csrf = CSRF_META.matcher(loginPage);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        OpenPage login = open(client, "login", loginPage);
        login.leave(client);
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<Void> posted = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        String landing = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || landing.contains("error")) {
            throw new IllegalStateException("login refused: " + posted.statusCode() + " " + landing);
        }
        OpenPage page = null;
        for (String route : routes) {
            if (page != null) {
                page.leave(client);
            }
            page = open(client, route, get(client, "/" + route));
        }
        // the last page stays open: the learner's tab
    }

    record OpenPage(SessionMemoryBenchmark benchmark, int uiId, String securityKey) {
        /** The beacon the Vaadin client sends on pagehide (FlowClient: sendBeacon of {csrfToken, rpc: [], UNLOAD: true}). */
        void leave(HttpClient client) throws Exception {
            String body = "{\"csrfToken\":\"" + securityKey + "\",\"rpc\":[],\"UNLOAD\":true}";
            var response = client.send(HttpRequest.newBuilder(URI.create(benchmark.base + "/?v-r=uidl&v-uiId=" + uiId))
                    .header("Content-Type", "text/plain;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("unload beacon answered " + response.statusCode());
            }
        }
    }

    /**
     * Vaadin's bootstrap of a loaded HTML page as the browser sends it: ?v-r=init, the ui-navigate event that renders
     * the route, then the round trip in which the page's web components report their initial property values (one
     * "*-changed" event for each property the server listens to; a real Chromium sends the same events). That last
     * small answer replaces the navigation's large one, which Vaadin keeps per UI to resend if it was lost.
     */
    OpenPage open(HttpClient client, String route, String html) throws Exception {
        Matcher title = TITLE.matcher(html);
        String appShellTitle = title.find() ? title.group(1) : "";
        String init = get(client, "/?v-r=init&location=" + URLEncoder.encode(route, StandardCharsets.UTF_8) + "&query="
                + BROWSER_DETAILS.formatted(System.currentTimeMillis()));
        String key = find(SECURITY_KEY, init, "security key");
        int uiId = Integer.parseInt(find(UI_ID, init, "UI id"));
        int syncId = Integer.parseInt(find(SYNC_ID, init, "syncId"));
        int clientId = Integer.parseInt(find(CLIENT_ID, init, "clientId"));
        String answer = uidl(client, uiId, key, "[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\","
                + "\"data\":{\"route\":\"/" + route + "\",\"query\":\"\",\"appShellTitle\":\"" + appShellTitle + "\","
                + "\"historyState\":{\"idx\":0},\"trigger\":\"\"}}]", syncId, clientId);
        if (answer.contains("\"Page not found\"") || answer.contains("access-denied") || answer.contains("vaadinLoginUsername")
                && !route.equals("login")) {
            throw new IllegalStateException("'" + route + "' did not render its page");
        }
        List<String> events = new ArrayList<>();
        Matcher listener = PROPERTY_LISTENER.matcher(answer);
        while (listener.find()) {
            events.add("{\"type\":\"event\",\"node\":" + listener.group(1) + ",\"event\":\"" + listener.group(2) + "\",\"data\":{}}");
        }
        if (!events.isEmpty()) {
            uidl(client, uiId, key, "[" + String.join(",", events) + "]", syncId + 1, clientId + 1);
        }
        return new OpenPage(this, uiId, key);
    }

    /** One UIDL request; checks that the server took it in order (its answer carries the next syncId). */
    String uidl(HttpClient client, int uiId, String key, String rpc, int syncId, int clientId) throws Exception {
        String message = "{\"csrfToken\":\"" + key + "\",\"rpc\":" + rpc + ",\"syncId\":" + syncId + ",\"clientId\":" + clientId + "}";
        var response = client.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message)).build(), HttpResponse.BodyHandlers.ofString());
        String answer = response.body();
        if (response.statusCode() != 200 || !answer.contains("\"syncId\":" + (syncId + 1))) {
            throw new IllegalStateException("UIDL request " + syncId + " refused: " + response.statusCode() + " "
                    + answer.substring(0, Math.min(300, answer.length())));
        }
        return answer;
    }

    String get(HttpClient client, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    static String find(Pattern pattern, String text, String what) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + what + " in " + text.substring(0, Math.min(300, text.length())));
        }
        return matcher.group(1);
    }

    /** Live objects after a full GC (GC.class_histogram without -all collects first), per class: instances and bytes. */
    record Histogram(long totalBytes, Map<String, long[]> counts) {
        static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
        static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");

        static Histogram of(long pid) throws Exception {
            jcmd(pid, "GC.run");
            Thread.sleep(500);
            long total = -1;
            Map<String, long[]> counts = new HashMap<>();
            for (String line : jcmd(pid, "GC.class_histogram")) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    counts.put(row.group(3), new long[]{Long.parseLong(row.group(1)), Long.parseLong(row.group(2))});
                }
                Matcher sum = TOTAL.matcher(line);
                if (sum.find()) {
                    total = Long.parseLong(sum.group(2));
                }
            }
            if (total < 0) {
                throw new IllegalStateException("no class histogram from jcmd " + pid);
            }
            return new Histogram(total, counts);
        }

        static List<String> jcmd(long pid, String command) throws Exception {
            String jcmd = ProcessHandle.current().info().command().map(java -> java.replaceAll("java$", "jcmd")).orElse("jcmd");
            Process process = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
            List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + lines);
            }
            return lines;
        }
    }
}

package org.compassioncourse.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;

/**
 * Real headless Chromium (Debian's chromium + chromedriver) driving the running app. Every page the
 * test reaches is checked with axe-core, and serious or critical accessibility violations fail the test; every time a
 * page settles, any Content-Security-Policy violation Chromium reported on its console fails the test too.
 * Tests get one from {@link BrowserExtension}, which closes it after the test.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Path FAILURES = Path.of("target", "browser-failures");

    private final WebDriver driver;
    private final String baseUrl;
    private final Path profileDir;
    private final Set<String> checkedPages = new HashSet<>();
    private boolean closed;

    private Browser(WebDriver driver, String baseUrl, Path profileDir) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profileDir = profileDir;
    }

    /**
     * Starts Chromium against the app at the given port. Skips the test where Chromium is not installed,
     * except on CI, where .ci/run installs it and its absence is a failure.
     */
    static Browser start(int port) {
        return start("http://localhost:" + port);
    }

    /** Starts Chromium against the app at this address (e.g. http://127.0.0.1:port, another host than localhost). */
    static Browser start(String baseUrl) {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("Chromium and chromedriver are missing on CI: .ci/run must install them");
        }
        Assumptions.assumeTrue(installed,
                "Browser tests skipped: install Debian's chromium and chromium-driver (see README) to run them");
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
            // the console, where Chromium reports what the Content-Security-Policy refused
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), baseUrl, profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the app (e.g. "login") and waits for Vaadin to settle. */
    public Browser open(String path) {
        driver.get(baseUrl + "/" + path);
        settle();
        return this;
    }

    /** The path of the current page, without host and query (e.g. "login"). */
    public String path() {
        String url = driver.getCurrentUrl();
        String path = url.substring(baseUrl.length()).replaceFirst("^/", "");
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** Types into a Vaadin text field (its native input) found by the field's id. */
    public Browser type(String fieldId, String text) {
        WebElement input = waitFor(By.cssSelector("#" + fieldId + " input"));
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Clicks like a person: the element is scrolled into the middle of the window first. */
    public Browser click(By by) {
        WebElement element = waitUntil(ExpectedConditions.elementToBeClickable(by));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        waitUntil(ExpectedConditions.elementToBeClickable(element)).click();
        settle();
        return this;
    }

    /** A knowledge check shows one question at a time: goes back to the first question, then on to the one asked for. */
    public Browser openQuestion(String questionId) {
        waitFor(By.id("question-position"));
        while (driver.findElement(By.id("previous-question")).getDomAttribute("disabled") == null) {
            click(By.id("previous-question"));
        }
        while (!isPresent(By.id("question-" + questionId))) {
            click(By.id("next-question"));
        }
        return this;
    }

    public WebElement waitFor(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public String textOf(By by) {
        return waitFor(by).getText();
    }

    /** Fetches a URL of the app from inside the page (with the page's session cookie) and returns the body as text. */
    public String fetchText(String href) {
        Object body = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " fetch(arguments[0]).then(r => r.ok ? r.text() : 'HTTP ' + r.status).then(done, e => done('failed: ' + e));", href);
        return String.valueOf(body);
    }

    public boolean isPresent(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Waits for a page of the app to be shown at this path, then checks its accessibility. */
    public Browser waitForPath(String path) {
        waitUntil(d -> path().equals(path));
        settle();
        return this;
    }

    /** Waits for a condition; on timeout saves a screenshot under target/browser-failures/ to show what the page looked like. */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, TIMEOUT).until(condition);
        } catch (org.openqa.selenium.TimeoutException timeout) {
            try {
                Path file = saveScreenshot("timeout-" + System.currentTimeMillis());
                timeout.addSuppressed(new IllegalStateException("Screenshot of the page: " + file.toAbsolutePath()));
            } catch (IOException | RuntimeException ignored) {
                // the timeout itself is what matters
            }
            timeout.addSuppressed(new IllegalStateException(describePage()));
            throw timeout;
        }
    }

    /** Saves what the page looks like as target/browser-failures/{name}.png and returns the file. */
    Path saveScreenshot(String name) throws IOException {
        Path dir = Files.createDirectories(FAILURES);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        return file;
    }

    /** Saves the page's screenshot and its HTML (as the browser holds it now) under target/browser-failures/. */
    void saveFailure(String name) throws IOException {
        saveScreenshot(name);
        String source = driver.getPageSource();
        Files.writeString(FAILURES.resolve(name + ".html"), "<!-- " + driver.getCurrentUrl() + " -->\n" + (source == null ? "" : source));
    }

    boolean isOpen() {
        return !closed;
    }

    /** Where the browser is and what it shows, for failure messages: CI keeps the log, not the screenshots. */
    private String describePage() {
        try {
            Object text = ((JavascriptExecutor) driver).executeScript(
                    "return (document.body ? document.body.innerText : '(no body)').replace(/\\s+/g, ' ').slice(0, 600)");
            Object state = ((JavascriptExecutor) driver).executeScript(VAADIN_STATE);
            return "Page at " + driver.getCurrentUrl() + " (Vaadin: " + state + ") shows: " + text;
        } catch (RuntimeException e) {
            return "Page at an unknown place: " + e.getMessage();
        }
    }

    /** Waits until Vaadin has no request in flight, then runs axe on any page not yet checked. */
    public void settle() {
        String[] last = {""};
        try {
            waitUntil(d -> {
                last[0] = String.valueOf(((JavascriptExecutor) d).executeScript(VAADIN_STATE));
                return "ready".equals(last[0]);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            List<String> refused = contentSecurityPolicyViolations();
            throw new AssertionError("Page /" + path() + " did not settle: " + last[0]
                    + (refused.isEmpty() ? "" : "; Content-Security-Policy violations:\n- " + String.join("\n- ", refused)), e);
        }
        String page = path();
        assertNoContentSecurityPolicyViolations(page);
        if (checkedPages.add(page)) {
            assertAccessible(page);
        }
    }

    /**
     * Fails on any CSP violation Chromium logged since the last look (reading the log empties it), so the policy in
     * SecurityHeaders is shown to be one that Vaadin runs under, page by page.
     */
    private void assertNoContentSecurityPolicyViolations(String page) {
        List<String> refused = contentSecurityPolicyViolations();
        if (!refused.isEmpty()) {
            throw new AssertionError("Content-Security-Policy violations on /" + page + ":\n- " + String.join("\n- ", refused));
        }
    }

    private List<String> contentSecurityPolicyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to")
                        || message.contains("Permissions-Policy"))
                .toList();
    }

    private static final String VAADIN_STATE = """
            if (document.readyState !== 'complete') return 'loading document';
            const flow = window.Vaadin && window.Vaadin.Flow;
            if (!flow || !flow.clients) return 'no Vaadin client yet';
            // the 'TypeScript' entry is the router bootstrap, not a server connection; skip it
            const ids = Object.keys(flow.clients).filter(id => id !== 'TypeScript');
            if (ids.length === 0) return 'no Flow client yet: ' + Object.keys(flow.clients);
            const busy = ids.filter(id => flow.clients[id].isActive());
            return busy.length === 0 ? 'ready' : 'busy: ' + busy;
            """;

    private void assertAccessible(String page) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> severe = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        if (!severe.isEmpty()) {
            String report = severe.stream()
                    .map(rule -> "- " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                            + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("\n"));
            throw new AssertionError("Accessibility violations on /" + page + ":\n" + report);
        }
    }

    /** Quits Chromium; a second call does nothing (a test may close early, the extension closes after every test). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        driver.quit();
        try (var files = Files.walk(profileDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}

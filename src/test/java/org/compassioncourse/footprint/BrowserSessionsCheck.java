package org.compassioncourse.footprint;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

/**
 * Cross-check of ops/SessionMemoryBenchmark.java with a real browser (README, "Benchmark"): the same learner journey
 * (login, course page, lesson 1, its knowledge check) in headless Chromium, one tab per session so each session's last
 * page stays open, then the live heap per session after a full GC. Not a test: a main, run by hand against a running
 * production jar with the demo learner:
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp "target/test-classes:$(cat target/test-classpath.txt)" org.compassioncourse.footprint.BrowserSessionsCheck \
 *      http://127.0.0.1:38080 &lt;pid&gt; 30
 * </pre>
 */
public final class BrowserSessionsCheck {

    private BrowserSessionsCheck() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        int sessions = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,960",
                "--user-data-dir=" + Files.createTempDirectory("browser-sessions-check"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            learnerSession(browser, base); // classes and caches of the first use belong to the baseline
            browser.switchTo().newWindow(WindowType.TAB);
            long before = liveHeap(pid);
            for (int i = 0; i < sessions; i++) {
                learnerSession(browser, base);
                browser.switchTo().newWindow(WindowType.TAB); // the old tab keeps its page (and UI) open
            }
            Thread.sleep(3000);
            long after = liveHeap(pid);
            System.out.printf("Chromium: %d sessions, %.1f kB per session%n", sessions, (after - before) / 1024.0 / sessions);
        } finally {
            browser.quit();
        }
    }

    private static void learnerSession(ChromeDriver browser, String base) {
        browser.get(base + "/icons/favicon.svg"); // cookies can only be deleted for the page's own site
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(page -> !page.findElements(By.cssSelector("#vaadinLoginUsername input")).isEmpty());
        browser.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys("learner@example.org");
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("calm-harbour-lantern", Keys.ENTER);
        wait.until(page -> !page.findElements(By.id("current-user-name")).isEmpty());
        browser.get(base + "/lesson/studying-the-brain");
        wait.until(page -> !page.findElements(By.id("lesson-title")).isEmpty());
        browser.get(base + "/quiz/knowledge-check/studying-the-brain");
        wait.until(page -> !page.findElements(By.id("submit-quiz")).isEmpty());
    }

    /** Bytes of live objects after a full GC (jcmd GC.class_histogram collects first). */
    private static long liveHeap(long pid) throws Exception {
        new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").start().waitFor();
        Thread.sleep(500);
        Process histogram = new ProcessBuilder("jcmd", Long.toString(pid), "GC.class_histogram").start();
        String out = new String(histogram.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        histogram.waitFor();
        return out.lines().filter(line -> line.startsWith("Total")).findFirst()
                .map(line -> Long.parseLong(line.trim().split("\\s+")[2]))
                .orElseThrow(() -> new IllegalStateException("no class histogram from jcmd " + pid + ": " + out));
    }
}

package org.compassioncourse;

import org.compassioncourse.support.Browser;
import org.compassioncourse.support.BrowserExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completing the course in real Chromium on the fixture course: lessons, a passed final, the course evaluation by
 * keyboard, the certificate PDF, and then, logged out in a fresh browser, the verification link. The verification
 * page is also fetched by a plain HTTP client to show it passes Spring Security's deny-by-default chain.
 */
class CompletionJourneyIT {

    private static final Pattern DISPLAY_CODE = Pattern.compile("[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}");

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();
    @TempDir
    Path dataDir;

    @Test
    void learnerCompletesEvaluatesDownloadsTheCertificateAndAnyoneCanVerifyItWithoutLoggingIn() throws Exception {
        String email = "completer-" + UUID.randomUUID() + "@ward7.example";
        ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).profiles("test")
                .run("--server.port=0", "--course.data-dir=" + dataDir,
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir + "/completion-journey",
                        "--course.content-dir=src/test/resources/course-fixture");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        try {
            String code;
            try (Browser browser = browsers.start(port)) {
                browser.open("register").type("display-name", "Cleo Completer").type("email", email)
                        .type("password", "calm-harbour-lantern").click(By.id("create-account"));
                browser.waitForPath("");
                for (String lesson : List.of("first-lesson", "second-lesson", "third-lesson")) {
                    browser.open("lesson/" + lesson + "/in-practice");
                    browser.click(By.id("finish-lesson"));
                    browser.waitUntil(d -> !browser.path().equals("lesson/" + lesson + "/in-practice"));
                }
                browser.open("");
                browser.click(By.id("final-assessment-button")).waitForPath("quiz/final-assessment");
                browser.click(By.id("start-final")); // the start page states attempts, pass mark and time first
                answerAssessmentQuestion(browser);
                browser.click(By.id("submit-quiz"));
                browser.waitUntil(d -> browser.path().startsWith("quiz-review/"));
                assertThat(browser.textOf(By.id("completion-heading"))).isEqualTo("✓ Course completed");
                assertThat(browser.isPresent(By.cssSelector("[id$='-certificate-a4']"))).as("no certificate before the evaluation").isFalse();

                browser.click(By.id("completion-evaluate")).waitForPath("evaluation");
                fillInTheEvaluationByKeyboard(browser);
                assertThat(browser.textOf(By.id("evaluation-done"))).contains("your evaluation is in");

                Map<String, Object> pdf = fetchBytes(browser, browser.waitFor(By.id("evaluation-certificate-a4")).getAttribute("href"));
                assertThat(pdf.get("status")).isEqualTo(200L);
                assertThat(String.valueOf(pdf.get("type"))).startsWith("application/pdf");
                assertThat(pdf.get("head")).as("the body is a PDF").isEqualTo("%PDF-");
                assertThat(String.valueOf(pdf.get("disposition"))).contains("certificate-a4.pdf");

                browser.open("my-record");
                Matcher shown = DISPLAY_CODE.matcher(browser.textOf(By.id("record-certificate")));
                assertThat(shown.find()).as("the record shows the verification code").isTrue();
                code = shown.group();
            }

            // the link anyone may follow: Spring Security lets it through to the Vaadin page, for any code
            String malformed = "not-a-code";
            String unknown = "0000-0000-0000-0000-0000";
            for (String path : List.of(code, unknown, malformed)) {
                HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/verify/" + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as("/verify/" + path + " without login").isEqualTo(200);
                assertThat(page.headers().firstValue("Location")).as("no redirect to log in").isEmpty();
                assertThat(page.body()).as("the Vaadin page").containsIgnoringCase("vaadin");
            }

            try (Browser stranger = browsers.start(port)) {
                stranger.open("verify/" + code);
                assertThat(stranger.path()).isEqualTo("verify/" + code);
                assertThat(stranger.textOf(By.id("verify-result"))).isEqualTo("✓ Valid certificate");
                String facts = stranger.textOf(By.id("verify-facts"));
                assertThat(facts).contains("Cleo Completer").contains("Fixture course").doesNotContain(email);

                stranger.open("verify/" + unknown);
                assertThat(stranger.textOf(By.id("verify-result"))).isEqualTo("Certificate not found");
                String unknownPage = stranger.textOf(By.tagName("main"));
                stranger.open("verify/" + malformed);
                assertThat(stranger.textOf(By.id("verify-result"))).isEqualTo("Certificate not found");
                assertThat(stranger.textOf(By.tagName("main"))).as("a malformed code reads like an unknown one").isEqualTo(unknownPage);
            }
        } finally {
            app.close();
        }
    }

    /** Every statement answered with the keyboard (Space on a radio button), the free text typed, sent with Enter. */
    private static void fillInTheEvaluationByKeyboard(Browser browser) {
        List<WebElement> groups = browser.driver().findElements(By.cssSelector("vaadin-radio-group.likert"));
        assertThat(groups).as("one statement per objective plus the fixture's three").hasSizeGreaterThan(3);
        // sent empty: focus lands on the first unanswered statement, which says what it needs
        browser.waitFor(By.id("evaluation-send")).sendKeys(Keys.ENTER);
        browser.waitUntil(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return arguments[0].contains(document.activeElement)", groups.getFirst())));
        assertThat(groups.getFirst().getAttribute("invalid")).isNotNull();
        assertThat(groups.getFirst().getText()).contains("Choose one point of the scale");
        for (WebElement group : groups) {
            assertThat(group.findElement(By.cssSelector("label[slot='label']")).getText()).as("each statement is labelled").isNotBlank();
            WebElement agree = group.findElement(By.xpath(".//vaadin-radio-button[normalize-space(.)='Agree']//input"));
            agree.sendKeys(Keys.SPACE);
            browser.waitUntil(d -> "true".equals(String.valueOf(((JavascriptExecutor) d).executeScript(
                    "return arguments[0].checked", agree))));
        }
        WebElement how = browser.waitFor(By.cssSelector("#evaluation-how-change textarea"));
        how.sendKeys("Name the feeling before acting on it.");
        browser.waitFor(By.id("evaluation-send")).sendKeys(Keys.ENTER);
        browser.settle();
        browser.waitFor(By.id("evaluation-done"));
    }

    /** Fetches a URL with the page's cookies and tells the status, content type, disposition and the first five bytes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetchBytes(Browser browser, String href) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done({
                    status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'),
                    head: String.fromCharCode(...new Uint8Array(b).slice(0, 5))})))
                  .catch(e => done({status: -1, type: String(e)}));""", href);
    }

    /** The fixture's assessment slot holds a true/false and a scenario question; answer whichever was drawn, rightly. */
    private static void answerAssessmentQuestion(Browser browser) {
        browser.waitFor(By.cssSelector(".question-card"));
        boolean trueFalse = browser.isPresent(By.id("question-first-tf"));
        String option = trueFalse ? "False" : "Empathy";
        String group = trueFalse ? "answer-first-tf" : "answer-first-scenario";
        browser.click(By.xpath("//*[@id='" + group + "']//vaadin-radio-button[normalize-space(.)='" + option + "']"));
        browser.waitUntil(d -> d.findElement(By.cssSelector(".save-status")).getText().equals("Answer saved."));
    }
}

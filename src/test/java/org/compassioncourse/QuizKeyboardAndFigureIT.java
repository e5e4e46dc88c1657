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
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** In real Chromium: an ordering question answered by keyboard alone, and a checked hotspot's marked figure. */
class QuizKeyboardAndFigureIT {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();
    @TempDir
    Path dataDir;

    @Test
    void orderingByKeyboardKeepsTheFocusOnTheMovedItemAndACheckedHotspotMarksBothRegionsInWords() {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).profiles("test")
                .run("--server.port=0", "--course.data-dir=" + dataDir,
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir + "/keyboard",
                        "--course.content-dir=src/test/resources/course-fixture");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        try (Browser browser = browsers.start(port)) {
            browser.open("register").type("display-name", "Kim Keys").type("email", "keys-" + UUID.randomUUID() + "@ward7.example")
                    .type("password", "calm-harbour-lantern").click(By.id("create-account"));
            browser.waitForPath("");
            browser.open("quiz/knowledge-check/first-lesson");
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();

            // one question at a time: moving by keyboard takes the focus to the question shown, and the position is announced
            String next = browser.driver().findElement(By.id("next-question")).getDomAttribute("disabled") == null
                    ? "next-question" : "previous-question";
            String before = browser.textOf(By.id("question-position"));
            js.executeScript("arguments[0].focus()", browser.waitFor(By.id(next)));
            new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
            browser.settle();
            browser.waitUntil(d -> !before.equals(browser.textOf(By.id("question-position"))));
            browser.waitUntil(d -> Boolean.TRUE.equals(js.executeScript("return document.activeElement.classList.contains('question-card')")));
            assertThat(browser.waitFor(By.id("question-position")).getDomAttribute("aria-live")).isEqualTo("polite");
            assertThat(browser.driver().findElements(By.cssSelector(".question-card"))).hasSize(1);
            assertThat(browser.waitFor(By.id(next)).getSize().getHeight()).as("touch target").isGreaterThanOrEqualTo(24);

            browser.openQuestion("first-ordering");
            // from the ordering question itself, Tab reaches the first enabled button: the first item's "Move down"
            WebElement card = browser.waitFor(By.id("question-first-ordering"));
            js.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", card);
            String firstItem = browser.waitFor(By.cssSelector("#order-first-ordering li")).getAttribute("data-item");
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            assertThat(activeId(js)).isEqualTo("move-down-first-ordering-" + firstItem);

            new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
            browser.settle();
            browser.waitUntil(d -> ("move-down-first-ordering-" + firstItem).equals(activeId(js)));
            assertThat(js.executeScript("return document.activeElement.closest('li').previousElementSibling !== null"))
                    .as("the item moved one down and the focus went with it").isEqualTo(true);

            new Actions(browser.driver()).sendKeys(Keys.SPACE).perform();
            browser.settle();
            // now at the bottom: "Move down" is disabled, so the focus is on the item's "Move up"
            browser.waitUntil(d -> ("move-up-first-ordering-" + firstItem).equals(activeId(js)));
            assertThat(js.executeScript("return document.activeElement.closest('li').nextElementSibling === null")).isEqualTo(true);

            browser.openQuestion("first-hotspot");
            // hotspot: no hover titles in the question's figure; after checking, both regions are marked and named
            assertThat(js.executeScript("return document.querySelectorAll('#question-first-hotspot svg title, #question-first-hotspot svg [title]').length"))
                    .isEqualTo(0L);
            Object box = js.executeScript("const r = document.querySelector(\"#question-first-hotspot [data-region='cerebellum']\");"
                    + " r.scrollIntoView({block: 'center'}); const b = r.getBoundingClientRect();"
                    + " r.dispatchEvent(new MouseEvent('click', {bubbles: true})); return b.width + 'x' + b.height;");
            browser.settle();
            assertThat(String.valueOf(box)).as("the region is drawn").doesNotStartWith("0x");
            assertThat(browser.textOf(By.id("hotspot-legend-first-hotspot"))).contains("Your answer: Cerebellum");
            browser.click(By.id("check-first-hotspot"));
            String legend = browser.textOf(By.id("hotspot-legend-first-hotspot"));
            assertThat(legend).contains("Your answer: Cerebellum ✗ (not this one)").contains("Correct answer: Insula");
            assertThat(browser.isPresent(By.cssSelector("#question-first-hotspot [data-region='cerebellum'].mark-yours"))).isTrue();
            assertThat(browser.isPresent(By.cssSelector("#question-first-hotspot [data-region='insula'].mark-correct"))).isTrue();
            assertThat(js.executeScript("return getComputedStyle(document.querySelector("
                    + "\"#question-first-hotspot [data-region='cerebellum']\")).strokeDasharray"))
                    .as("the learner's mark has its own outline, not only a colour").isNotEqualTo("none");
            assertThat(js.executeScript("return document.querySelectorAll('#question-first-hotspot svg title').length")).isEqualTo(0L);
        } finally {
            app.close();
        }
    }

    private static String activeId(JavascriptExecutor js) {
        return String.valueOf(js.executeScript("return document.activeElement ? document.activeElement.id : ''"));
    }
}

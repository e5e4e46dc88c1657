package org.compassioncourse;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.support.Browser;
import org.compassioncourse.support.BrowserExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A learner reads a lesson to its end in real Chromium and is offered the next lesson after logging in again. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "course.content-dir=course-content")
@ActiveProfiles("test")
class CourseJourneyIT {

    @Autowired
    Course course;
    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();
    Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = browsers.browser();
    }

    @Test
    void learnerReadsLessonTwoToTheEndAndAfterLoggingBackInIsOfferedLessonThree() {
        Lesson two = course.lessons().get(1);
        Lesson three = course.lessons().get(2);
        String email = "journey-" + UUID.randomUUID() + "@ward7.example";
        browser.open("register").type("display-name", "Jo Journey").type("email", email)
                .type("password", "calm-harbour-lantern").click(By.id("create-account"));
        browser.waitForPath("");

        browser.click(By.id("lesson-link-" + two.id())).waitForPath("lesson/" + two.id());
        assertThat(browser.textOf(By.id("lesson-title"))).isEqualTo(two.title());
        browser.waitUntil(d -> "lesson-title".equals(d.switchTo().activeElement().getAttribute("id")));
        // on a freshly loaded page the first Tab offers to skip the header and menu
        browser.open("lesson/" + two.id());
        new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        browser.waitUntil(d -> "skip-to-content".equals(d.switchTo().activeElement().getAttribute("id")));
        new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        browser.waitUntil(d -> "main".equals(d.switchTo().activeElement().getTagName()));
        for (int i = 1; i < two.sections().size(); i++) {
            browser.click(By.id("next-section"));
            String expected = two.sections().get(i).title();
            browser.waitUntil(d -> d.findElement(By.id("section-title")).getText().equals(expected));
            // keyboard users continue at the new section, not back at the top of the menu
            browser.waitUntil(d -> "section-title".equals(d.switchTo().activeElement().getAttribute("id")));
        }
        browser.click(By.id("finish-lesson")).waitForPath("lesson/" + three.id());
        assertThat(browser.textOf(By.id("lesson-title"))).isEqualTo(three.title());

        browser.click(By.id("logout")).waitForPath("login");
        // a fresh login page: the logged-out page may still reload itself once its session is gone, wiping typed text
        browser.open("login");
        browser.waitFor(By.cssSelector("#vaadinLoginUsername input")).sendKeys(email);
        browser.waitFor(By.cssSelector("#vaadinLoginPassword input")).sendKeys("calm-harbour-lantern", Keys.ENTER);
        browser.waitForPath("");

        assertThat(browser.textOf(By.id("continue-text"))).contains("lesson " + three.order() + ", " + three.title());
        assertThat(browser.textOf(By.id("lesson-status-" + two.id()))).contains("Completed");
        assertThat(browser.textOf(By.id("course-progress-text"))).startsWith("1 of " + course.lessons().size());

        browser.click(By.id("continue-button")).waitForPath("lesson/" + three.id() + "/" + three.firstSection().id());
        assertThat(browser.textOf(By.id("section-title"))).isEqualTo(three.firstSection().title());
    }

    @Test
    void lessonWorksAtPhoneWidthAndGlossaryTermsOpenInPlaceByKeyboard() {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        Lesson first = course.lessons().getFirst();
        String email = "phone-" + UUID.randomUUID() + "@ward7.example";
        browser.open("register").type("display-name", "Pat Phone").type("email", email)
                .type("password", "calm-harbour-lantern").click(By.id("create-account"));
        browser.waitForPath("");

        // a page reached from far down another starts at its top (the last lesson sits near the bottom of home)
        Lesson last = course.lessons().getLast();
        browser.click(By.id("lesson-link-" + last.id()));
        browser.waitUntil(d -> browser.path().startsWith("lesson/" + last.id()));
        browser.waitUntil(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "const top = document.querySelector('h1').getBoundingClientRect().top; return top >= 0 && top < window.innerHeight;"));

        browser.open("lesson/" + first.id());

        Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("no sideways scrolling at phone width").isLessThanOrEqualTo(0L);
        @SuppressWarnings("unchecked")
        java.util.List<Number> linkHeights = (java.util.List<Number>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return [...document.querySelectorAll('.section-nav a')].map(a => a.getBoundingClientRect().height)");
        assertThat(linkHeights).as("section links are touch targets of at least 24 px").isNotEmpty()
                .allSatisfy(height -> assertThat(height.doubleValue()).isGreaterThanOrEqualTo(24));

        var terms = browser.driver().findElements(By.cssSelector("button.term"));
        assertThat(terms).as("the first page of lesson 1 explains terms in place").isNotEmpty();
        terms.getFirst().sendKeys(Keys.ENTER);
        String popoverId = terms.getFirst().getAttribute("popovertarget");
        browser.waitUntil(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.getElementById(arguments[0]).matches(':popover-open')", popoverId));
        // it opens next to its term (anchor positioning), not in the middle of the screen, and stays on screen
        @SuppressWarnings("unchecked")
        Map<String, Number> box = (Map<String, Number>) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                const t = arguments[0].getBoundingClientRect(), p = document.getElementById(arguments[1]).getBoundingClientRect();
                return {gap: Math.min(Math.abs(p.top - t.bottom), Math.abs(t.top - p.bottom)), left: p.left, right: p.right,
                        termLeft: t.left, termRight: t.right, width: document.documentElement.clientWidth};""", terms.getFirst(), popoverId);
        assertThat(box.get("gap").doubleValue()).as("popover's edge to its term's, px: " + box).isLessThan(16);
        assertThat(box.get("left").doubleValue()).as("overlaps the term sideways: " + box).isLessThanOrEqualTo(box.get("termRight").doubleValue());
        assertThat(box.get("right").doubleValue()).as("overlaps the term sideways: " + box).isGreaterThanOrEqualTo(box.get("termLeft").doubleValue());
        assertThat(box.get("left").doubleValue()).as("on screen: " + box).isGreaterThanOrEqualTo(0);
        assertThat(box.get("right").doubleValue()).as("on screen: " + box).isLessThanOrEqualTo(box.get("width").doubleValue());
        terms.getFirst().sendKeys(Keys.ESCAPE);
        browser.waitUntil(d -> !(Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.getElementById(arguments[0]).matches(':popover-open')", popoverId));

        // a citation goes to its source on the same page (the bare "#ref-..." used to open the course home)
        browser.open("lesson/" + first.id());
        var citation = browser.waitFor(By.cssSelector("a.cite"));
        String source = citation.getAttribute("href").replaceFirst(".*#", "");
        browser.click(By.cssSelector("a.cite"));
        browser.waitUntil(d -> source.equals(d.switchTo().activeElement().getAttribute("id")));
        assertThat(browser.path()).isEqualTo("lesson/" + first.id());

        // a link to a glossary term lands on that term, not at the top of a long page
        browser.open("glossary#term-insula");
        browser.waitUntil(d -> "term-insula".equals(d.switchTo().activeElement().getAttribute("id")));
    }
}

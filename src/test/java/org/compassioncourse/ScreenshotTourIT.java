package org.compassioncourse;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.support.Browser;
import org.compassioncourse.support.BrowserExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Not a check but a tool for people: screenshots of the main pages at desktop and phone width, for reviewing
 * the look. Runs only when asked: ./mvnw verify -Dit.test=ScreenshotTourIT -Dtour.dir=/tmp/tour
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "course.content-dir=course-content")
@ActiveProfiles("test")
class ScreenshotTourIT {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();
    @Autowired
    Course course;

    @Test
    void takeScreenshotsOfTheMainPages() throws IOException {
        String dir = System.getProperty("tour.dir");
        Assumptions.assumeTrue(dir != null, "screenshot tour runs only with -Dtour.dir=<folder>");
        Path out = Files.createDirectories(Path.of(dir));
        Browser browser = browsers.browser();
        browser.open("register").type("display-name", "Tess Tour").type("email", "tour-" + UUID.randomUUID() + "@ward7.example")
                .type("password", "calm-harbour-lantern").click(By.id("create-account"));
        browser.waitForPath("");
        for (Dimension size : new Dimension[]{new Dimension(1280, 1000), new Dimension(390, 844)}) {
            browser.driver().manage().window().setSize(size);
            String suffix = "-" + size.getWidth();
            shot(browser, out, "", "outline" + suffix);
            Lesson lesson = course.lessons().get(Math.min(2, course.lessons().size() - 1));
            shot(browser, out, "lesson/" + lesson.id(), "lesson-start" + suffix);
            shot(browser, out, "lesson/" + lesson.id() + "/" + lesson.lastSection().id(), "lesson-end" + suffix);
            shot(browser, out, "glossary?region=insula", "glossary" + suffix);
            for (Lesson each : course.lessons()) {
                shot(browser, out, "lesson/" + each.id(), "lesson-" + each.order() + suffix);
            }
            shot(browser, out, "progress", "progress" + suffix);
            shot(browser, out, "quiz/knowledge-check/" + course.lessons().get(2).id(), "knowledge-check" + suffix);
            shot(browser, out, "quiz/pre-test", "pre-test" + suffix);
        }
    }

    private static void shot(Browser browser, Path out, String path, String name) throws IOException {
        browser.open(path);
        byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
        Files.write(out.resolve(name + ".png"), png);
    }
}

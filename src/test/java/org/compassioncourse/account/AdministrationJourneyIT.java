package org.compassioncourse.account;

import org.compassioncourse.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hospital's first minutes, in headless Chromium: the bootstrap administrator sets a password through the setup
 * link, invites an instructor, and the instructor accepts the invitation and creates a cohort. Its own database, so
 * no administrator exists before start-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:administration-journey;DB_CLOSE_DELAY=-1",
        "course.bootstrap-admin=" + AdministrationJourneyIT.OFFICE,
        "course.public-url=http://app.invalid/"})
@ActiveProfiles("test")
class AdministrationJourneyIT {

    static final String OFFICE = "education.office@hospital.example";
    private static final String INSTRUCTOR = "ines.instructor@hospital.example";

    @LocalServerPort
    int port;
    @Autowired
    AccountSetup setup;

    @Test
    void bootstrapAdministratorInvitesAnInstructorWhoAcceptsAndCreatesACohort() {
        // the link start-up wrote to the log; asking again gives a fresh one (the logged one stops working)
        String setupPath = path(setup.bootstrapAdministrator(OFFICE).orElseThrow().url());
        String invitationPath;
        try (Browser office = Browser.start(port)) {
            office.open(setupPath);
            office.type("setup-name", "Olive Office").type("setup-password", "copper-lantern-meadow").click(By.id("setup-save"));
            assertThat(office.textOf(By.id("setup-outcome"))).contains("Your password is set");
            office.open("login");
            logIn(office, OFFICE, "copper-lantern-meadow");
            office.waitForPath("instructor"); // the bootstrap administrator is an instructor: their cohorts first
            assertThat(office.textOf(By.id("main-menu"))).contains("Administration");

            office.click(By.cssSelector("#main-menu vaadin-side-nav-item[path='administration']")).waitForPath("administration");
            office.type("invite-email", INSTRUCTOR).click(By.id("invite-instructor"));
            invitationPath = path(office.waitUntil(d -> {
                String value = d.findElement(By.cssSelector("#invite-link input")).getDomProperty("value");
                return value == null || value.isEmpty() ? null : value;
            }));
            office.open("administration/audit");
            office.waitUntil(d -> d.findElement(By.id("audit-grid")).getText().contains("Instructor invited") ? true : null);

            office.open(setupPath);
            assertThat(office.textOf(By.id("setup-outcome"))).as("the setup link worked once").isEqualTo(AccountSetup.LINK_NOT_USABLE);
        }
        try (Browser instructor = Browser.start(port)) {
            instructor.open(invitationPath);
            instructor.type("setup-name", "Ines Instructor").type("setup-password", "amber-kettle-orchard").click(By.id("setup-save"));
            assertThat(instructor.textOf(By.id("setup-outcome"))).contains("Your password is set");
            instructor.open("login");
            logIn(instructor, INSTRUCTOR, "amber-kettle-orchard");
            instructor.waitForPath("instructor");
            assertThat(instructor.textOf(By.id("main-menu"))).contains("Instructor").doesNotContain("Administration");
            instructor.open("instructor");
            instructor.type("cohort-name", "Ward 4 nurses").click(By.id("create-cohort"));
            instructor.waitUntil(d -> d.findElement(By.id("cohort-list")).getText().contains("Ward 4 nurses") ? true : null);
        }
    }

    /** The link's path within the app (the links carry course.public-url, not the test server's address). */
    private static String path(String url) {
        return url.substring("http://app.invalid/".length());
    }

    private static void logIn(Browser browser, String email, String password) {
        browser.waitFor(By.cssSelector("#vaadinLoginUsername input")).sendKeys(email);
        browser.waitFor(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
    }
}

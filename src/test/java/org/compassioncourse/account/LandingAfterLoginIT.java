package org.compassioncourse.account;

import org.compassioncourse.support.LoginPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the login form sends people: instructors to their cohorts, learners to the course, anyone to the page they asked for. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "course.content-dir=course-content")
@ActiveProfiles("test")
class LandingAfterLoginIT {

    private static final String PASSWORD = "calm-harbour-lantern";

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    UserAccountRepository repository;
    @Autowired
    AccountUserDetailsService users;

    private String base() {
        return "http://localhost:" + port;
    }

    private String learner() {
        String email = "landing-learner-" + UUID.randomUUID() + "@ward7.example";
        accounts.registerLearner(new RegistrationForm("Lena Landing", email, PASSWORD));
        return email;
    }

    private String instructor() {
        String email = "landing-teacher-" + UUID.randomUUID() + "@ward7.example";
        TestAccounts.instructor(accounts, new RegistrationForm("Ines Landing", email, PASSWORD));
        return email;
    }

    private String administrator() {
        String email = "landing-admin-" + UUID.randomUUID() + "@ward7.example";
        TestAccounts.makeAdministrator(repository, users,
                TestAccounts.instructor(accounts, new RegistrationForm("Ada Landing", email, PASSWORD)));
        return email;
    }

    /** Logs in with a fresh browser-like client, after first asking for {@code askedFor} (null: opens /login directly). */
    private String landingOf(String email, String askedFor) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        if (askedFor != null) {
            HttpResponse<Void> refused = client.send(HttpRequest.newBuilder(URI.create(base() + askedFor)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(refused.statusCode()).as("not logged in yet").isEqualTo(302);
        }
        HttpResponse<Void> login = LoginPage.post(client, base(), email, PASSWORD, LoginPage.csrfToken(client, base()));
        assertThat(login.statusCode()).isEqualTo(302);
        return login.headers().firstValue("Location").map(l -> URI.create(l).getPath()).orElseThrow();
    }

    @Test
    void anInstructorLandsOnTheirCohortsAndALearnerOnTheCourse() throws Exception {
        assertThat(landingOf(instructor(), null)).isEqualTo("/instructor");
        assertThat(landingOf(learner(), null)).isEqualTo("/");
    }

    @Test
    void anInstructorWhoOpenedTheAppsAddressStillLandsOnTheirCohorts() throws Exception {
        assertThat(landingOf(instructor(), "/")).isEqualTo("/instructor");
        assertThat(landingOf(learner(), "/")).isEqualTo("/");
    }

    @Test
    void anAdministratorLandsOnTheAdministrationPageEvenWhenAlsoAnInstructor() throws Exception {
        assertThat(landingOf(administrator(), null)).isEqualTo("/administration");
        assertThat(landingOf(administrator(), "/")).isEqualTo("/administration");
        assertThat(landingOf(administrator(), "/instructor")).as("a page asked for still wins").isEqualTo("/instructor");
    }

    @Test
    void aPageAskedForBeforeLoggingInWinsForEveryone() throws Exception {
        assertThat(landingOf(instructor(), "/my-record")).isEqualTo("/my-record");
        assertThat(landingOf(learner(), "/my-record")).isEqualTo("/my-record");
    }
}

package org.compassioncourse.security;

import org.compassioncourse.support.Browser;
import org.compassioncourse.support.BrowserExtension;
import org.compassioncourse.support.Learners;
import org.compassioncourse.support.TestOpenIdProvider;
import org.compassioncourse.support.TestOpenIdProvider.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with the hospital's identity provider, end to end in headless Chromium against an in-process OpenID
 * provider issuing real signed tokens: accounts made just in time or linked by a verified email, roles from the groups
 * claim (and their change, audited), the provider's session ended at logout, and every refusal (an unverified email
 * that matches an account, another issuer, an expired token, an answer replayed) told on a page of ours.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:provider-sign-in;DB_CLOSE_DELAY=-1",
        "course.sign-in.oidc.client-id=" + TestOpenIdProvider.CLIENT_ID,
        "course.sign-in.oidc.client-secret=" + TestOpenIdProvider.CLIENT_SECRET,
        "course.sign-in.oidc.display-name=Northfield Hospital account",
        "course.sign-in.oidc.instructor-values=course-instructors",
        "course.sign-in.oidc.administrator-values=course-administrators"})
@ActiveProfiles("test")
@Import(Learners.class)
class ProviderSignInIT {

    private static final TestOpenIdProvider PROVIDER = TestOpenIdProvider.start();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        properties.add("course.sign-in.oidc.issuer-uri", PROVIDER::issuer);
    }

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension();
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Learners people;

    @BeforeEach
    void allowThisApp() {
        PROVIDER.allowApp("http://127.0.0.1:" + port);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    private Browser signIn(Person person) {
        PROVIDER.signInAs(person);
        Browser browser = browsers.startAt("127.0.0.1");
        browser.open("login");
        assertThat(browser.textOf(By.id("provider-sign-in"))).isEqualTo("Sign in with Northfield Hospital account");
        browser.click(By.id("provider-sign-in"));
        return browser;
    }

    private Long accountOf(String email) {
        return jdbc.queryForObject("select id from user_account where email = ?", Long.class, email);
    }

    @Test
    void firstSignInCreatesALearnerFromTheTokenAndLogoutEndsTheProvidersSessionToo() {
        Person ada = new Person("sub-ada", "ada.newcomer@northfield.example", true, "Ada Newcomer", List.of());
        try (Browser browser = signIn(ada)) {
            browser.waitForPath("");
            assertThat(browser.textOf(By.id("current-user-name"))).isEqualTo("Ada Newcomer");
            assertThat(browser.textOf(By.className("role-badge"))).isEqualTo("Learner");
            long account = accountOf("ada.newcomer@northfield.example");
            assertThat(jdbc.queryForList("select issuer, subject from external_identity where account_id = ?", account))
                    .singleElement().satisfies(row -> {
                        assertThat(row.get("ISSUER")).isEqualTo(PROVIDER.issuer());
                        assertThat(row.get("SUBJECT")).isEqualTo("sub-ada");
                    });

            browser.click(By.id("logout"));
            // RP-initiated logout: the provider is asked to end its session, with the ID token as the hint
            String logout = browser.waitUntil(d -> PROVIDER.requests().stream()
                    .filter(r -> r.startsWith("/connect/logout?")).findFirst().orElse(null));
            String query = URLDecoder.decode(logout, StandardCharsets.UTF_8);
            assertThat(query).contains("id_token_hint=").contains("post_logout_redirect_uri=http://127.0.0.1:" + port + "/login");
            browser.waitForPath("login");
            browser.open("");
            browser.waitForPath("login"); // the app's session ended too
        }
    }

    @Test
    void aVerifiedEmailLinksTheExistingAccountAndTheNextSignInNeedsTheSubjectOnly() {
        long existing = people.learner("Bea Existing", "bea.existing@northfield.example").accountId();
        Person bea = new Person("sub-bea", "bea.existing@northfield.example", true, "Beatrice Existing", List.of());
        try (Browser browser = signIn(bea)) {
            browser.waitForPath("");
            assertThat(browser.textOf(By.id("current-user-name"))).isEqualTo("Bea Existing");
        }
        assertThat(jdbc.queryForObject("select account_id from external_identity where subject = 'sub-bea'", Long.class))
                .isEqualTo(existing);
        // the email at the provider changes, the identity does not: still the same account
        try (Browser browser = signIn(new Person("sub-bea", "b.existing@new-domain.example", false, "Bea", List.of()))) {
            browser.waitForPath("");
            assertThat(browser.textOf(By.id("current-user-name"))).isEqualTo("Bea Existing");
        }
        assertThat(jdbc.queryForObject("select count(*) from user_account where email like '%existing%'", Long.class)).isEqualTo(1);
    }

    @Test
    void anUnverifiedEmailThatMatchesAnAccountIsRefusedWithAPageThatSaysWhy() {
        long existing = people.learner("Cal Careful", "cal.careful@northfield.example").accountId();
        Person impostor = new Person("sub-cal-impostor", "cal.careful@northfield.example", false, "Cal", List.of());
        try (Browser browser = signIn(impostor)) {
            browser.waitForPath("sign-in-refused");
            assertThat(browser.textOf(By.id("sign-in-refused-reason")))
                    .contains("has not confirmed that this email address is yours");
            browser.open("");
            browser.waitForPath("login"); // not signed in
        }
        assertThat(jdbc.queryForObject("select count(*) from external_identity where account_id = ?", Long.class, existing)).isZero();
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() {
        PROVIDER.spoilNextIdToken(claims -> claims.issuer("https://impostor.example"));
        try (Browser browser = signIn(new Person("sub-dan", "dan@northfield.example", true, "Dan", List.of()))) {
            browser.waitForPath("sign-in-refused");
            assertThat(browser.textOf(By.id("sign-in-refused-reason"))).contains("We could not verify who you are")
                    .contains("invalid_id_token");
        }
        assertThat(jdbc.queryForObject("select count(*) from user_account where email = 'dan@northfield.example'", Long.class)).isZero();
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        Instant longAgo = Instant.now().minusSeconds(3600);
        PROVIDER.spoilNextIdToken(claims -> claims.issuedAt(longAgo).expiresAt(longAgo.plusSeconds(300)));
        try (Browser browser = signIn(new Person("sub-eve", "eve@northfield.example", true, "Eve", List.of()))) {
            browser.waitForPath("sign-in-refused");
            assertThat(browser.textOf(By.id("sign-in-refused-reason"))).contains("We could not verify who you are");
        }
        assertThat(jdbc.queryForObject("select count(*) from user_account where email = 'eve@northfield.example'", Long.class)).isZero();
    }

    @Test
    void theProvidersAnswerReplayedWithItsStateIsRefused() {
        int before = PROVIDER.answersToApp().size();
        try (Browser browser = signIn(new Person("sub-fay", "fay@northfield.example", true, "Fay", List.of()))) {
            browser.waitForPath("");
        }
        String answer = PROVIDER.answersToApp().get(before);
        assertThat(answer).contains("code=").contains("state=");
        // someone who got hold of the answer (code and state) plays it again in their own browser
        try (Browser replay = browsers.startAt("127.0.0.1")) {
            replay.driver().get(answer);
            replay.waitForPath("sign-in-refused");
            assertThat(replay.textOf(By.id("sign-in-refused-reason"))).contains("already used or has expired");
            replay.open("");
            replay.waitForPath("login");
        }
    }

    @Test
    void aChangedGroupClaimChangesTheRoleAtTheNextSignInAndTheAuditLogSaysSo() {
        Person gil = new Person("sub-gil", "gil.guide@northfield.example", true, "Gil Guide", List.of("course-instructors", "ward-4"));
        try (Browser browser = signIn(gil)) {
            browser.waitForPath("instructor"); // an instructor lands on their cohorts
            assertThat(browser.textOf(By.className("role-badge"))).isEqualTo("Instructor");
        }
        long account = accountOf("gil.guide@northfield.example");
        try (Browser browser = signIn(gil.withGroups("ward-4"))) {
            browser.waitForPath("");
            assertThat(browser.textOf(By.className("role-badge"))).isEqualTo("Learner");
        }
        assertThat(jdbc.queryForObject("select role from user_account where id = ?", String.class, account)).isEqualTo("LEARNER");
        assertThat(jdbc.queryForList("select action, actor_id, detail from admin_audit where subject_id = ?", account))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("ACTION")).isEqualTo("ROLE_FROM_PROVIDER");
                    assertThat(row.get("ACTOR_ID")).isNull();
                    assertThat((String) row.get("DETAIL")).contains("instructor → learner").contains("groups: ward-4");
                });
        try (Browser browser = signIn(gil.withGroups("course-administrators"))) {
            browser.waitForPath("administration");
            assertThat(browser.textOf(By.className("role-badge"))).isEqualTo("Learner · Administrator");
        }
        assertThat(jdbc.queryForObject("select count(*) from admin_audit where subject_id = ?", Long.class, account)).isEqualTo(2);
    }
}

package org.compassioncourse.account;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;
import org.compassioncourse.security.ThrottleEvents;
import org.compassioncourse.security.ThrottleProperties;

import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reset links without a mail server (the demo run), the per-network limit, and links issued by administrators. */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class PasswordResetsTest {

    private static final Pattern LOGGED = Pattern.compile(
            "No mail server configured: password reset link for (\\S+): http://localhost:8080/reset/([A-Za-z0-9_-]{43})");

    @Autowired
    PasswordResets resets;
    @Autowired
    Learners people;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    SingleUseLinkRepository tokens;
    @Autowired
    AccountSessions sessions;
    @Autowired
    PasswordResetProperties settings;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    private int linksOf(long accountId) {
        return jdbc.queryForObject("select count(*) from single_use_link where account_id = ? and kind = 'PASSWORD_RESET'", Integer.class, accountId);
    }

    @Test
    void withoutAMailServerTheLinkIsWrittenToTheLogWithANoticeAndWorks(CapturedOutput output) {
        CurrentUser learner = people.learner("Remy Reset");

        assertThat(resets.requestLink(learner.getUsername(), "192.0.2.10")).isEqualTo(PasswordResets.Request.ANSWERED);

        Matcher logged = LOGGED.matcher(output.getAll());
        assertThat(logged.find()).as("the log line with the link").isTrue();
        assertThat(logged.group(1)).isEqualTo(learner.getUsername());
        resets.setNewPassword(logged.group(2), "amber-otter-kettle-rain");
        assertThat(passwordEncoder.matches("amber-otter-kettle-rain", users.loadUserByUsername(learner.getUsername()).getPassword())).isTrue();
    }

    @Test
    void anUnknownOrDeactivatedEmailGetsTheSameAnswerAndNoLink(CapturedOutput output) {
        CurrentUser deactivated = people.learner("Remy Reset");
        UserAccount account = accounts.findById(deactivated.accountId()).orElseThrow();
        account.setActive(false);
        accounts.saveAndFlush(account);

        assertThat(resets.requestLink("nobody-" + UUID.randomUUID() + "@ward7.example", "192.0.2.11")).isEqualTo(PasswordResets.Request.ANSWERED);
        assertThat(resets.requestLink(deactivated.getUsername(), "192.0.2.11")).isEqualTo(PasswordResets.Request.ANSWERED);

        assertThat(linksOf(deactivated.accountId())).isZero();
        assertThat(output.getAll()).doesNotContain("password reset link for " + deactivated.getUsername());
    }

    @Test
    void tenRequestsFromOneNetworkPerHourThenAClearMessageWhileOtherNetworksGoOn() {
        ThrottleProperties limits = ThrottleProperties.defaults();
        PasswordResets node = new PasswordResets(accounts, tokens, sessions, new ThrottleEvents(dataSource, clock, limits),
                limits, settings, passwordEncoder, publisher, clock);
        String network = "2001:db8:5::" + Integer.toHexString(new Random().nextInt(0xffff));
        for (int i = 0; i < 10; i++) {
            assertThat(node.requestLink("someone-" + UUID.randomUUID() + "@ward7.example", network)).isEqualTo(PasswordResets.Request.ANSWERED);
        }

        assertThat(node.requestLink("someone-" + UUID.randomUUID() + "@ward7.example", network))
                .isEqualTo(PasswordResets.Request.TOO_MANY_FROM_NETWORK);
        assertThat(PasswordResets.TOO_MANY_FROM_NETWORK).isEqualTo("Too many password reset requests from this network. Try again in an hour.");
        assertThat(node.requestLink("someone-" + UUID.randomUUID() + "@ward7.example", network + "1")).isEqualTo(PasswordResets.Request.ANSWERED);
    }

    @Test
    @WithMockUser(roles = "ADMINISTRATOR")
    void usingOneLinkWithdrawsTheAccountsOtherLinks() {
        CurrentUser learner = people.learner("Remy Reset");
        String first = tokenOf(resets.issueLinkFor(learner.accountId()));
        String second = tokenOf(resets.issueLinkFor(learner.accountId()));

        resets.setNewPassword(second, "amber-otter-kettle-rain");

        assertThat(resets.linkWorks(first)).isFalse();
        assertThat(resets.linkWorks(second)).isFalse();
    }

    @Test
    @WithMockUser(roles = "ADMINISTRATOR")
    void tokensAreStoredOnlyAsTheirSha256() {
        CurrentUser learner = people.learner("Remy Reset");
        String token = tokenOf(resets.issueLinkFor(learner.accountId()));

        assertThat(jdbc.queryForList("select token_hash from single_use_link where account_id = ? and kind = 'PASSWORD_RESET'", String.class, learner.accountId()))
                .containsExactly(LinkToken.hashOf(token))
                .doesNotContain(token);
        assertThat(token).hasSize(43); // 32 random bytes, base64url
    }

    private static String tokenOf(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    @WithMockUser(roles = "ADMINISTRATOR")
    void anAdministratorGetsALinkForAUserWithoutWorkingEmailThatWorksOnce() {
        CurrentUser learner = people.learner("Remy Reset");

        String link = resets.issueLinkFor(learner.accountId());

        assertThat(link).matches("http://localhost:8080/reset/[A-Za-z0-9_-]{43}");
        resets.setNewPassword(tokenOf(link), "amber-otter-kettle-rain");
        assertThat(resets.linkWorks(tokenOf(link))).isFalse();
        assertThatThrownBy(() -> resets.issueLinkFor(Long.MAX_VALUE)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    @WithCourseUser(email = "reset.learner@ward7.example")
    void aLearnerMayNotIssueResetLinks() {
        CurrentUser other = people.learner("Remy Reset");
        assertThatThrownBy(() -> resets.issueLinkFor(other.accountId())).isInstanceOf(AccessDeniedException.class);
        assertThat(linksOf(other.accountId())).isZero();
    }

    @Test
    @WithCourseUser(email = "reset.instructor@ward7.example", role = Role.INSTRUCTOR)
    void anInstructorMayNotIssueResetLinks() {
        CurrentUser other = people.learner("Remy Reset");
        assertThatThrownBy(() -> resets.issueLinkFor(other.accountId())).isInstanceOf(AccessDeniedException.class);
        assertThat(linksOf(other.accountId())).isZero();
    }

    @Test
    @WithAnonymousUser
    void aVisitorMayNotIssueResetLinks() {
        CurrentUser other = people.learner("Remy Reset");
        assertThatThrownBy(() -> resets.issueLinkFor(other.accountId())).isInstanceOf(AccessDeniedException.class);
    }
}

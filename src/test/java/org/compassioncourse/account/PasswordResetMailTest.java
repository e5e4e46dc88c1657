package org.compassioncourse.account;

import org.compassioncourse.security.CurrentUser;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import jakarta.mail.internet.MimeMessage;
import org.compassioncourse.account.ui.ForgotPasswordView;
import org.compassioncourse.account.ui.ResetPasswordView;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "Forgot password?" end to end through a real SMTP server in this JVM (GreenMail): the mail arrives, its link sets a
 * new password once, and is refused when used again or after it expired; known and unknown emails get the same page.
 */
@ApplicationTest
@WithAnonymousUser
class PasswordResetMailTest extends SpringBrowserlessTest {

    /** A free port, not GreenMail's fixed 3025: other builds on this machine may run their own mail server. */
    private static final int SMTP_PORT = freePort();
    private static final Pattern LINK = Pattern.compile("https://learning\\.example\\.org/reset/([A-Za-z0-9_-]{43})");
    private static final String NEW_PASSWORD = "amber-otter-kettle-rain";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("course.password-reset.public-url", () -> "https://learning.example.org/");
    }

    /** The application's clock, moved forward by tests that need a link to expire. */
    static final class MovableClock extends Clock {
        private volatile Duration ahead = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    MovableClock clock;
    @Autowired
    Learners people;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    AccountSessions sessions;
    @Autowired
    PasswordResets resets;
    @Autowired
    PasswordEncoder passwordEncoder;

    @AfterEach
    void clockBackToNow() {
        clock.ahead = Duration.ZERO;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Types the email on the "forgot password" page and sends it; returns the page's text afterwards. */
    private String askForLink(String email) {
        ForgotPasswordView page = navigate(ForgotPasswordView.class);
        test($(EmailField.class).withId("email").single()).setValue(email);
        test($(Button.class).withId("send-reset-link").single()).click();
        return page.getElement().getTextRecursively();
    }

    private MimeMessage onlyMailTo(String email) throws Exception {
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).as("a reset mail arrives").isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()).extracting(Object::toString).containsExactly(email);
        return received[0];
    }

    private static String tokenIn(MimeMessage mail) {
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find()).as("the mail holds a reset link at the configured address").isTrue();
        return link.group(1);
    }

    private ResetPasswordView openLink(String token) {
        return navigate(ResetPasswordView.class, Map.of("token", token));
    }

    private PasswordField newPassword() {
        return $(PasswordField.class).withId("new-password").single();
    }

    private Button setNewPassword() {
        return $(Button.class).withId("set-new-password").single();
    }

    private boolean pageSaysLinkDoesNotWork() {
        return !$(Paragraph.class).withId("link-does-not-work").all().isEmpty() && $(PasswordField.class).all().isEmpty();
    }

    @Test
    void aResetMailArrivesItsLinkSetsANewPasswordOnceAndEndsTheAccountsSessions() throws Exception {
        String email = people.learner("Rhea Reset").getUsername();
        CurrentUser sessionBefore = users.loadUserByUsername(email);

        String page = askForLink(email);
        assertThat(page).contains("If an account exists for that address, we have sent a link");
        MimeMessage mail = onlyMailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Reset your Compassion Course password");
        String token = tokenIn(mail);
        clock.ahead = Duration.ofSeconds(1); // the reset comes a second after that session began

        openLink(token);
        test(newPassword()).setValue(NEW_PASSWORD);
        test(setNewPassword()).click();

        assertThat($(Paragraph.class).withId("password-changed").single().getText()).startsWith("Your password has been changed");
        assertThat(passwordEncoder.matches(NEW_PASSWORD, users.loadUserByUsername(email).getPassword())).isTrue();
        assertThat(sessions.isStillValid(sessionBefore)).as("a session from before the reset ends").isFalse();

        openLink(token);
        assertThat(pageSaysLinkDoesNotWork()).as("the link a second time").isTrue();
        assertThatThrownBy(() -> resets.setNewPassword(token, "another-long-phrase-here"))
                .isInstanceOfSatisfying(PasswordResetException.class,
                        refused -> assertThat(refused.problem()).isEqualTo(PasswordResetException.Problem.LINK_DOES_NOT_WORK));
        assertThat(passwordEncoder.matches(NEW_PASSWORD, users.loadUserByUsername(email).getPassword()))
                .as("the refused second use changed nothing").isTrue();
    }

    @Test
    void aLinkWorksWithinItsSixtyMinutesAndIsRefusedAfterWithTheSameMessageAsAnUnknownOne() throws Exception {
        String email = people.learner("Rhea Reset").getUsername();
        askForLink(email);
        String token = tokenIn(onlyMailTo(email));

        clock.ahead = Duration.ofMinutes(59);
        assertThat(resets.linkWorks(token)).isTrue();
        clock.ahead = Duration.ofMinutes(61);
        openLink(token);
        assertThat(pageSaysLinkDoesNotWork()).as("an expired link").isTrue();
        String expired = $(Paragraph.class).withId("link-does-not-work").single().getText();
        assertThatThrownBy(() -> resets.setNewPassword(token, NEW_PASSWORD)).isInstanceOf(PasswordResetException.class);
        assertThat(passwordEncoder.matches("calm-harbour-lantern", users.loadUserByUsername(email).getPassword())).isTrue();

        openLink("not-a-token-anybody-was-given-0000000000000");
        assertThat($(Paragraph.class).withId("link-does-not-work").single().getText()).isEqualTo(expired);
    }

    @Test
    void knownAndUnknownEmailsGetTheSamePageAndOnlyTheKnownOneGetsAMail() throws Exception {
        String known = people.learner("Rhea Reset").getUsername();
        String unknown = "nobody-" + UUID.randomUUID() + "@ward7.example";

        String pageForUnknown = askForLink(unknown);
        String pageForKnown = askForLink(known);

        assertThat(pageForKnown).isEqualTo(pageForUnknown);
        onlyMailTo(known);
        Thread.sleep(300); // a mail for the unknown address would have been queued before the known one's
        assertThat(SMTP.getReceivedMessages()).as("no mail for the address without an account").hasSize(1);
    }

    @Test
    void aFourthRequestForOneEmailWithinAnHourIsAnsweredAlikeButSendsNothing() throws Exception {
        String email = people.learner("Rhea Reset").getUsername();
        String first = askForLink(email);
        askForLink(email);
        askForLink(email);
        String fourth = askForLink(email);

        assertThat(fourth).isEqualTo(first);
        assertThat(SMTP.waitForIncomingEmail(10_000, 3)).isTrue();
        Thread.sleep(300);
        assertThat(SMTP.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aRefusedNewPasswordIsExplainedAndLeavesTheLinkWorking() throws Exception {
        String email = people.learner("Rhea Reset").getUsername();
        askForLink(email);
        String token = tokenIn(onlyMailTo(email));

        openLink(token);
        test(newPassword()).setValue("password1");
        test(setNewPassword()).click();

        assertThat(newPassword().isInvalid()).isTrue();
        assertThat(newPassword().getErrorMessage()).contains("commonly used");
        assertThat(setNewPassword().isEnabled()).isTrue();
        assertThat(resets.linkWorks(token)).isTrue();
    }
}

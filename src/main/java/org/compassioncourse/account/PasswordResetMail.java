package org.compassioncourse.account;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Delivers reset links: by mail through Spring's {@link JavaMailSender} when an SMTP server is set
 * ({@code spring.mail.host}), otherwise into the application log with a clear notice, so a local trial without mail
 * still works. Mail goes out after the link is committed, on a background thread: the page answers as fast for an
 * address with an account as for one without, and a slow mail server never holds a page.
 */
@Component
class PasswordResetMail {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordResetMail.class);

    /** A link was issued for this account; sent once the transaction that stored it commits. */
    record LinkIssued(String email, String displayName, String link, long minutesValid) {
    }

    private final ObjectProvider<JavaMailSender> mailSender;
    private final PasswordResetProperties settings;
    /** One sender thread, a bounded queue: a burst of requests waits its turn, a flood is dropped (and logged). */
    private final ExecutorService sending = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(500), runnable -> Thread.ofPlatform().daemon().name("password-reset-mail").unstarted(runnable),
            (dropped, executor) -> LOG.warn("Password reset mail not sent: too many waiting to be sent"));

    PasswordResetMail(ObjectProvider<JavaMailSender> mailSender, PasswordResetProperties settings) {
        this.mailSender = mailSender;
        this.settings = settings;
        if (mailSender.getIfAvailable() == null) {
            LOG.warn("No mail server configured (spring.mail.host): password reset links will be written to this log");
        } else if (settings.publicUrl().contains("//localhost")) {
            LOG.warn("Password reset mails will link to {}: set course.password-reset.public-url to the address users reach the app at",
                    settings.publicUrl());
        }
    }

    @TransactionalEventListener
    void deliver(LinkIssued issued) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            LOG.warn("No mail server configured: password reset link for {}: {}", issued.email(), issued.link());
            return;
        }
        sending.execute(() -> send(sender, issued));
    }

    private void send(JavaMailSender sender, LinkIssued issued) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.mailFrom());
        message.setTo(issued.email());
        message.setSubject("Reset your Compassion Course password");
        message.setText("""
                Hello %s,

                Someone (we hope you) asked to reset the password of your Compassion Course account.
                To choose a new password, open this link within %d minutes:

                %s

                The link works once. Setting a new password logs your account out everywhere else.
                If you did not ask for this, ignore this mail: your password stays as it is.
                """.formatted(issued.displayName(), issued.minutesValid(), issued.link()));
        try {
            sender.send(message);
        } catch (MailException failed) {
            // the address is the user's own; the link itself stays out of the log when mail is configured
            LOG.error("Password reset mail to {} could not be sent: {}", issued.email(), failed.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        sending.shutdown();
    }
}

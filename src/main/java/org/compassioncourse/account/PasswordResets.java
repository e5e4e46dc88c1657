package org.compassioncourse.account;

import org.compassioncourse.security.ThrottleEvents;
import org.compassioncourse.security.SignInOptions;
import org.compassioncourse.security.ThrottleProperties;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.NoSuchElementException;
import java.util.Optional;

import static org.compassioncourse.security.ThrottleEvents.Kind.LOGIN_EMAIL;
import static org.compassioncourse.security.ThrottleEvents.Kind.RESET_ADDRESS;
import static org.compassioncourse.security.ThrottleEvents.Kind.RESET_EMAIL;

/**
 * Getting back in after a forgotten password: single-use, time-limited reset links. A link carries 32 random bytes;
 * only their SHA-256 is stored. Asking for a link answers the same whether or not the email has an account, and is
 * limited per email and per client address in the shared throttle table. Using a link sets the new password, withdraws
 * the account's other links and ends all its sessions on every node.
 */
@Service
public class PasswordResets {

    public static final String TOO_MANY_FROM_NETWORK = "Too many password reset requests from this network. Try again in an hour.";

    /** The outcome of asking for a link: deliberately silent about whether the email has an account. */
    public enum Request { ANSWERED, TOO_MANY_FROM_NETWORK }

    private final UserAccountRepository accounts;
    private final SingleUseLinkRepository tokens;
    private final AccountSessions sessions;
    private final ThrottleEvents throttleEvents;
    private final ThrottleProperties limits;
    private final PasswordResetProperties settings;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SignInOptions signInOptions;
    private final PasswordPolicy passwordPolicy = new PasswordPolicy();

    PasswordResets(UserAccountRepository accounts, SingleUseLinkRepository tokens, AccountSessions sessions,
                   ThrottleEvents throttleEvents, ThrottleProperties limits, PasswordResetProperties settings,
                   PasswordEncoder passwordEncoder, ApplicationEventPublisher events, Clock clock) {
        this(accounts, tokens, sessions, throttleEvents, limits, settings, passwordEncoder, events, clock,
                SignInOptions.passwordsOnly());
    }

    @Autowired
    PasswordResets(UserAccountRepository accounts, SingleUseLinkRepository tokens, AccountSessions sessions,
                   ThrottleEvents throttleEvents, ThrottleProperties limits, PasswordResetProperties settings,
                   PasswordEncoder passwordEncoder, ApplicationEventPublisher events, Clock clock,
                   SignInOptions signInOptions) {
        this.signInOptions = signInOptions;
        this.accounts = accounts;
        this.tokens = tokens;
        this.sessions = sessions;
        this.throttleEvents = throttleEvents;
        this.limits = limits;
        this.settings = settings;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    /** What a page shows after any accepted request, whether or not the email has an account. */
    /** Where sign-in is through the identity provider only: what the "forgot password" page says instead. */
    public Optional<String> ssoOnlyNotice() {
        return signInOptions.ssoOnly()
                ? Optional.of("Passwords are not used here: sign in with " + signInOptions.providerName().orElse("your hospital account")
                        + " on the login page, and reset that password with your IT service desk. Only the course's"
                        + " bootstrap administrator can reset a password here.")
                : Optional.empty();
    }

    public String linkSentMessage() {
        return "If an account exists for that address, we have sent a link to it for choosing a new password. The link "
                + "works once, within " + minutes(settings.linkLifetime()) + ". If no mail arrives within a few minutes, "
                + "check your spam folder, or ask for a new link.";
    }

    /** What a page shows for a used, expired or unknown link alike. */
    public String linkDoesNotWorkMessage() {
        return "This link to reset your password does not work. It may have been used already, it may have expired "
                + "(links work for " + minutes(settings.linkLifetime()) + "), or it may have been copied incompletely.";
    }

    private static String minutes(Duration lifetime) {
        long minutes = lifetime.toMinutes();
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    /**
     * Someone on the "forgot password" page asks for a link. When the email belongs to an active account and its
     * limit ({@code course.throttle.reset-requests-per-email}, 3 an hour) is not reached, a link is mailed (or logged,
     * without a mail server). The answer is the same in every other case: unknown email, deactivated account, too
     * many links for that email. Only the address limit (10 an hour) is told, as it says nothing about any account.
     *
     * @param clientAddress the visitor's address ({@code request.getRemoteAddr()})
     */
    @Transactional
    public Request requestLink(String email, String clientAddress) {
        String normalized = EmailAddress.normalize(email);
        int[] counts = throttleEvents.counts(limits.resetWindow(),
                RESET_ADDRESS, clientAddress, limits.resetRequestsPerAddress(),
                RESET_EMAIL, normalized, limits.resetRequestsPerEmail());
        if (counts[0] >= limits.resetRequestsPerAddress()) {
            return Request.TOO_MANY_FROM_NETWORK;
        }
        throttleEvents.record(RESET_ADDRESS, clientAddress);
        if (counts[1] >= limits.resetRequestsPerEmail()) {
            return Request.ANSWERED;
        }
        // counted for unknown emails too, so the limit behaves alike for every address typed
        throttleEvents.record(RESET_EMAIL, normalized);
        // where sign-in is through the identity provider only, no password but the bootstrap administrator's is reset
        accounts.findByEmail(normalized).filter(UserAccount::isActive)
                .filter(account -> signInOptions.passwordAllowedFor(account.getEmail())).ifPresent(account -> {
            String link = issue(account.getId(), settings.linkLifetime());
            events.publishEvent(new PasswordResetMail.LinkIssued(account.getEmail(), account.getDisplayName(), link,
                    settings.linkLifetime().toMinutes()));
        });
        return Request.ANSWERED;
    }

    /**
     * A reset link for an account whose owner has no working email, for an administrator to hand over (in person, by
     * phone). It works once, for {@code course.password-reset.admin-link-lifetime} (24 hours). Nothing is mailed.
     *
     * @return the full link, e.g. {@code https://learning.hospital.org/reset/…}
     * @throws NoSuchElementException when there is no such account
     */
    @Transactional
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    public String issueLinkFor(long accountId) {
        if (!accounts.existsById(accountId)) {
            throw new NoSuchElementException("There is no account with id " + accountId + ".");
        }
        return issue(accountId, settings.adminLinkLifetime());
    }

    /** Whether a reset page opened with this token may offer to set a password. Does not use the token up. */
    @Transactional(readOnly = true)
    public boolean linkWorks(@Nullable String token) {
        return usableToken(token).isPresent();
    }

    /**
     * Sets a new password with a reset link: the link is then used up, the account's other links are withdrawn, its
     * sessions end everywhere, and failed logins counted against its email are forgotten (they may be why its owner
     * is here). A refused password leaves the link working, so the person can try another.
     *
     * @throws PasswordResetException when the link does not work, or the password breaks the {@link PasswordPolicy}
     */
    @Transactional
    public void setNewPassword(@Nullable String token, String newPassword) {
        SingleUseLink found = usableToken(token).orElseThrow(this::linkDoesNotWork);
        UserAccount account = accounts.findById(found.accountId()).filter(UserAccount::isActive)
                .filter(active -> signInOptions.passwordAllowedFor(active.getEmail()))
                .orElseThrow(this::linkDoesNotWork);
        passwordPolicy.problemWith(newPassword, account.getEmail(), account.getDisplayName()).ifPresent(problem -> {
            throw new PasswordResetException(PasswordResetException.Problem.PASSWORD, problem);
        });
        String hash = passwordEncoder.encode(newPassword);
        Instant now = now();
        if (tokens.use(found.id(), now) != 1) {
            throw linkDoesNotWork(); // another request used it a moment ago
        }
        tokens.withdrawAll(account.getId(), SingleUseLink.Kind.RESET, now);
        // the bulk updates cleared the persistence context: load the account again before changing it
        UserAccount current = accounts.findById(account.getId()).orElseThrow(this::linkDoesNotWork);
        current.changePasswordHash(hash);
        accounts.saveAndFlush(current);
        sessions.endAllSessions(current.getId());
        throttleEvents.forget(LOGIN_EMAIL, current.getEmail());
    }

    private String issue(long accountId, Duration lifetime) {
        Instant now = now();
        LinkToken token = LinkToken.mint();
        tokens.saveAndFlush(new SingleUseLink(accountId, SingleUseLink.Kind.PASSWORD_RESET, token.hash(), now, now.plus(lifetime)));
        return settings.linkFor(token.token());
    }

    private Optional<SingleUseLink> usableToken(@Nullable String token) {
        if (!LinkToken.plausible(token)) {
            return Optional.empty();
        }
        Instant now = now();
        return tokens.findByTokenHashAndKindIn(LinkToken.hashOf(token), SingleUseLink.Kind.RESET).filter(found -> found.worksAt(now));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private PasswordResetException linkDoesNotWork() {
        return new PasswordResetException(PasswordResetException.Problem.LINK_DOES_NOT_WORK, linkDoesNotWorkMessage());
    }

}

package org.compassioncourse.security;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import static org.compassioncourse.security.ThrottleEvents.Kind.LOGIN_ADDRESS;
import static org.compassioncourse.security.ThrottleEvents.Kind.LOGIN_EMAIL;

/**
 * Slows password guessing. After {@code loginFailuresPerEmail} (10) failed logins for one email within
 * {@code loginWindow} (15 minutes), logging in as that email pauses; after {@code loginFailuresPerAddress} (50) failed
 * logins from one client address, every login from that address pauses. A pause lasts until the failures behind it
 * are older than the window, and refuses the correct password too. Unknown emails are counted like known ones, so a
 * pause says nothing about which accounts exist. Counted in the database ({@link ThrottleEvents}): every node of the
 * app sees the same counts, and a restart clears nothing.
 */
@Component
public class LoginThrottle {

    private final ThrottleEvents events;
    private final ThrottleProperties limits;

    LoginThrottle(ThrottleEvents events, ThrottleProperties limits) {
        this.events = events;
        this.limits = limits;
    }

    /**
     * Counts a login attempt for this email before its password is checked, and says whether it is paused. The attempt
     * is recorded as a failure at once, in the same locked step as the count ({@link ThrottleEvents#countAndRecord}), so
     * a burst of parallel guesses is counted one by one across nodes: once {@code loginFailuresPerEmail} attempts lie
     * within the window, the next ones are paused, the right password too. A correct password then clears the email's
     * failures ({@link #recordSuccess}), this attempt's included. Known and unknown emails go through the same steps.
     *
     * @param address the client's address ({@code request.getRemoteAddr()}); null where there is no request, and then
     *                only the email counts
     */
    public boolean admitAttempt(String email, @Nullable String address) {
        int perEmail = limits.loginFailuresPerEmail();
        boolean paused = events.countAndRecord(LOGIN_EMAIL, email, limits.loginWindow(), perEmail) >= perEmail;
        int perAddress = address == null ? 0 : limits.loginFailuresPerAddress();
        // the address is counted (one query) whether or not the email already pauses: the same work either way
        boolean addressPaused = address != null && events.count(LOGIN_ADDRESS, address, limits.loginWindow(), perAddress) >= perAddress;
        return paused || addressPaused;
    }

    /** Whether a login for this email from this address would be paused now, recording nothing: one query. */
    boolean isPaused(String email, @Nullable String address) {
        int[] failures = events.counts(limits.loginWindow(),
                LOGIN_EMAIL, email, limits.loginFailuresPerEmail(),
                LOGIN_ADDRESS, address == null ? "" : address, address == null ? 0 : limits.loginFailuresPerAddress());
        return failures[0] >= limits.loginFailuresPerEmail()
                || (address != null && failures[1] >= limits.loginFailuresPerAddress());
    }

    /** A failure that was not counted by {@link #admitAttempt}: its email and its address. */
    public void recordFailure(String email, @Nullable String address) {
        events.record(LOGIN_EMAIL, email);
        if (address != null) {
            events.record(LOGIN_ADDRESS, address);
        }
    }

    /**
     * A correct password clears that email's failures. Not the address's: otherwise one account of their own would
     * let a guesser reset their address's count between guesses at other accounts.
     */
    public void recordSuccess(String email) {
        events.forget(LOGIN_EMAIL, email);
    }

    /**
     * A failed form login: its email was counted already when the account was looked up
     * (by the account feature's UserDetailsService, through {@link #admitAttempt}); the address is counted now.
     */
    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String address = addressOf(event.getAuthentication());
        if (address != null) {
            events.record(LOGIN_ADDRESS, address);
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        recordSuccess(event.getAuthentication().getName());
    }

    /** The form login puts the request's remote address into the authentication's details. */
    private static @Nullable String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}

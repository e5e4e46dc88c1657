package org.compassioncourse.account;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.LoginThrottle;
import org.compassioncourse.security.Role;
import org.compassioncourse.security.SignInOptions;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

/** Loads accounts for Spring Security's login by email (case-insensitive). */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;
    private final LoginThrottle throttle;
    private final PasswordEncoder passwordEncoder;
    private final SignInOptions signInOptions;
    private volatile @Nullable String unmatchableHash;

    @Autowired
    AccountUserDetailsService(UserAccountRepository accounts, LoginThrottle throttle, PasswordEncoder passwordEncoder,
                              SignInOptions signInOptions) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.passwordEncoder = passwordEncoder;
        this.signInOptions = signInOptions;
    }

    AccountUserDetailsService(UserAccountRepository accounts, LoginThrottle throttle, PasswordEncoder passwordEncoder) {
        this(accounts, throttle, passwordEncoder, SignInOptions.passwordsOnly());
    }

    /**
     * Not one transaction: the attempt is counted first on a connection of its own ({@link LoginThrottle#admitAttempt}),
     * then the account is read; a login never holds one pooled connection while waiting for another (a burst of
     * parallel logins would otherwise starve the pool).
     */
    @Override
    public CurrentUser loadUserByUsername(String email) {
        String normalized = EmailAddress.normalize(email);
        // Counted (and recorded as a failure until the password proves right) before anything else, for known and
        // unknown emails alike: the same database work either way, and parallel guesses are counted one by one.
        boolean paused = throttle.admitAttempt(normalized, clientAddress());
        UserAccount account = accounts.findByEmail(normalized)
                .orElseThrow(() -> new UsernameNotFoundException("No account for this email"));
        CurrentUser user = toCurrentUser(account);
        // A paused login gets a hash no password matches: Spring then checks the typed password as usual (one Argon2
        // hash, as for a wrong password or an unknown email) and answers "bad credentials" like any failure. A
        // "locked" answer would skip the hash and so answer faster, telling a guesser that the account exists.
        // a deactivated account is refused the same way: same answer, same single password check as a wrong password
        // so is every password but the bootstrap administrator's where sign-in is through the identity provider only
        boolean refused = paused || !account.isActive() || !signInOptions.passwordAllowedFor(normalized);
        return refused ? user.withPasswordHash(unmatchableHash()) : user;
    }

    /** The login request's client address (behind a proxy, the forwarded one once forward headers are trusted). */
    private static @Nullable String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }

    /** The hash of a random secret nobody knows, made once per node. */
    private String unmatchableHash() {
        String hash = unmatchableHash;
        if (hash == null) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            hash = passwordEncoder.encode(Base64.getEncoder().encodeToString(secret));
            unmatchableHash = hash;
        }
        return hash;
    }

    static CurrentUser toCurrentUser(UserAccount account) {
        // the database keeps microseconds: compare like with like against sessions_valid_after
        return toCurrentUser(account, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** The account as a signed-in user whose session began at {@code signedInAt}. */
    static CurrentUser toCurrentUser(UserAccount account, Instant signedInAt) {
        List<SimpleGrantedAuthority> authorities = account.isAdministrator()
                ? List.of(new SimpleGrantedAuthority(account.getRole().authority()), new SimpleGrantedAuthority(Role.ADMINISTRATOR_AUTHORITY))
                : List.of(new SimpleGrantedAuthority(account.getRole().authority()));
        return new CurrentUser(account.getId(), account.getEmail(), account.getDisplayName(),
                account.getPasswordHash(), account.getRole(), account.isAdministrator(), authorities, signedInAt);
    }
}

package org.compassioncourse.account;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;

/** Loads accounts for Spring Security's login by email (case-insensitive). */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;
    private final LoginThrottle throttle;

    AccountUserDetailsService(UserAccountRepository accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    @Transactional(readOnly = true)
    public CurrentUser loadUserByUsername(String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        UserAccount account = accounts.findByEmail(normalized)
                .orElseThrow(() -> new UsernameNotFoundException("No account for this email"));
        CurrentUser user = toCurrentUser(account);
        // a paused email is refused before its password is even checked (Spring's pre-authentication check)
        return throttle.isPaused(normalized) ? user.locked() : user;
    }

    static CurrentUser toCurrentUser(UserAccount account) {
        return new CurrentUser(account.getId(), account.getEmail(), account.getDisplayName(),
                account.getPasswordHash(), account.getRole(),
                List.of(new SimpleGrantedAuthority(account.getRole().authority())));
    }
}

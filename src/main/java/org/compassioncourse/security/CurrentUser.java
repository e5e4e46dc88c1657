package org.compassioncourse.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.time.Instant;
import java.util.Collection;

/** The logged-in user as Spring Security holds it, carrying the account id and display name. */
public class CurrentUser extends User {

    private final long accountId;
    private final String displayName;
    private final Role role;
    private final boolean administrator;
    /** When this login began: a session older than the account's sessions_valid_after has been ended. */
    private final Instant signedInAt;

    public CurrentUser(long accountId, String email, String displayName, String passwordHash, Role role, boolean administrator,
                Collection<? extends GrantedAuthority> authorities, Instant signedInAt) {
        super(email, passwordHash, authorities);
        this.accountId = accountId;
        this.displayName = displayName;
        this.role = role;
        this.administrator = administrator;
        this.signedInAt = signedInAt;
    }

    /** The same user with another password hash (a paused login gets one that no password matches). */
    public CurrentUser withPasswordHash(String passwordHash) {
        return new CurrentUser(accountId, getUsername(), displayName, passwordHash, role, administrator, getAuthorities(), signedInAt);
    }

    public Instant signedInAt() {
        return signedInAt;
    }

    public long accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public boolean isInstructor() {
        return role == Role.INSTRUCTOR;
    }

    /** Manages accounts (holds {@link Role#ADMINISTRATOR_AUTHORITY} besides the role's own authority). */
    public boolean isAdministrator() {
        return administrator;
    }
}

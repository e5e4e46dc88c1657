package org.compassioncourse.account;

import org.compassioncourse.security.Role;

import jakarta.persistence.Column;
import org.jspecify.annotations.Nullable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A person who can log in: a learner or an instructor, either of them possibly also an administrator. The email is the
 * login name, stored lower-case.
 */
@Entity
@Table(name = "user_account")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 80)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** A deactivated account cannot log in, and its sessions end on their next request. */
    @Column(nullable = false)
    private boolean active = true;

    /** Sessions that began before this moment are no longer valid (null: every session is). */
    @Column(name = "sessions_valid_after")
    private @Nullable Instant sessionsValidAfter;

    /** Manages accounts, whatever the role (see {@link Role#ADMINISTRATOR_NAME}). */
    @Column(nullable = false)
    private boolean administrator;

    /** Made by an invitation or the bootstrap setting, and its setup link not used yet: no password of its own. */
    @Column(name = "setup_pending", nullable = false)
    private boolean setupPending;

    /** When an administrator erased this person's data on request; null if never. */
    @Column(name = "erased_at")
    private @Nullable Instant erasedAt;

    protected UserAccount() {
    }

    UserAccount(String email, String displayName, String passwordHash, Role role, Instant createdAt) {
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    @Nullable Instant getSessionsValidAfter() {
        return sessionsValidAfter;
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void changeDisplayName(String displayName) {
        this.displayName = displayName;
    }

    void endSessionsBefore(Instant moment) {
        this.sessionsValidAfter = moment;
    }

    public boolean isAdministrator() {
        return administrator;
    }

    void setAdministrator(boolean administrator) {
        this.administrator = administrator;
    }

    void setRole(Role role) {
        this.role = role;
    }

    boolean isSetupPending() {
        return setupPending;
    }

    /** The account waits for its owner to set a password through a setup link. */
    void awaitSetup(String unusablePasswordHash) {
        this.setupPending = true;
        this.passwordHash = unusablePasswordHash;
    }

    /** The owner used the setup link: their own name and password from now on. */
    void completeSetup(String displayName, String passwordHash) {
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.setupPending = false;
    }

    @Nullable Instant getErasedAt() {
        return erasedAt;
    }

    /**
     * Replaces everything that identifies the person: the name and email become placeholders made from the id, the
     * password can no longer be used, and the account is closed. The id stays, so attempts and progress stay
     * counted, anonymously.
     */
    void erase(Instant moment, String unusablePasswordHash) {
        this.displayName = "Former learner #" + id;
        this.email = "erased-" + id + "@invalid";
        this.passwordHash = unusablePasswordHash;
        this.active = false;
        this.administrator = false;
        this.setupPending = false;
        this.erasedAt = moment;
    }
}

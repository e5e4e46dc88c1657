package org.compassioncourse.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * One single-use link of any kind (setting up an account, resetting a password), kept as the SHA-256 of its token
 * ({@link LinkToken}): it works until it is used or expires. A link of one kind never opens a page of another.
 */
@Entity
@Table(name = "single_use_link")
class SingleUseLink {

    /** What the link does; a setup link's kind is also what the person sees on the setup page. */
    enum Kind {
        BOOTSTRAP_ADMINISTRATOR,
        INSTRUCTOR_INVITATION,
        PASSWORD_RESET;

        /** The kinds that open the setup page. */
        static final Set<Kind> SETUP = EnumSet.of(BOOTSTRAP_ADMINISTRATOR, INSTRUCTOR_INVITATION);
        static final Set<Kind> RESET = EnumSet.of(PASSWORD_RESET);
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Kind kind;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private @Nullable Instant usedAt;

    protected SingleUseLink() {
    }

    SingleUseLink(long accountId, Kind kind, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.accountId = accountId;
        this.kind = kind;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    Long id() {
        return id;
    }

    long accountId() {
        return accountId;
    }

    Kind kind() {
        return kind;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** Not used yet and not expired at this moment. */
    boolean worksAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(Instant moment) {
        this.usedAt = moment;
    }
}

package org.compassioncourse.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A person at the identity provider (issuer and subject), and the account they sign in to here. */
@Entity
@Table(name = "external_identity")
class ExternalIdentity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 500)
    private String issuer;

    @Column(nullable = false, length = 255)
    private String subject;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ExternalIdentity() {
    }

    ExternalIdentity(String issuer, String subject, long accountId, Instant createdAt) {
        this.issuer = issuer;
        this.subject = subject;
        this.accountId = accountId;
        this.createdAt = createdAt;
    }

    long accountId() {
        return accountId;
    }
}

package org.compassioncourse.account;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Single-use links through which a person sets their own password (the secret is a {@link LinkToken}). Making a new link for an account voids its older ones. Callers decide who may make them.
 */
@Component
class SetupLinks {

    /** The first administrator is set up by whoever runs the server, usually within minutes. */
    static final Duration BOOTSTRAP_VALIDITY = Duration.ofHours(24);
    /** An invitation goes by mail to someone who may be on night shifts this week. */
    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    static final String PATH = "setup/";

    private final SingleUseLinkRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();

    SetupLinks(SingleUseLinkRepository tokens, PasswordEncoder passwordEncoder, Clock clock,
               @Value("${course.public-url:http://localhost:8080}") String publicUrl) {
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
    }

    /** A new link for the account (older unused ones stop working), valid for the given time. */
    SetupLink issue(long accountId, SingleUseLink.Kind kind, Duration validity) {
        Instant now = now();
        tokens.voidAll(accountId, SingleUseLink.Kind.SETUP, now);
        LinkToken token = LinkToken.mint();
        SingleUseLink saved = tokens.saveAndFlush(new SingleUseLink(accountId, kind, token.hash(), now, now.plus(validity)));
        return new SetupLink(publicUrl + PATH + token.token(), saved.expiresAt());
    }

    /** The link's token if it exists, is unused and has not expired. */
    Optional<SingleUseLink> usable(String token) {
        if (!LinkToken.plausible(token)) {
            return Optional.empty();
        }
        Instant now = now();
        return tokens.findByTokenHashAndKindIn(LinkToken.hashOf(token), SingleUseLink.Kind.SETUP).filter(t -> t.worksAt(now));
    }

    /** Uses this link and voids every other unused link of its account. */
    void use(SingleUseLink token) {
        token.use(now());
        tokens.voidAll(token.accountId(), SingleUseLink.Kind.SETUP, now());
    }

    /** No unused link of this account works any more. */
    void voidAll(long accountId) {
        tokens.voidAll(accountId, SingleUseLink.Kind.SETUP, now());
    }

    /** A password hash no password matches: the hash of a random secret nobody keeps. */
    String unusablePasswordHash() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return passwordEncoder.encode(Base64.getEncoder().encodeToString(secret));
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

}

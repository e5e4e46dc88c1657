package org.compassioncourse.account;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in a single-use link (account setup, invitation, password reset): 32 random bytes, Base64url in the
 * link; the database keeps only its SHA-256, so a copy of the database opens no account. Where the token is
 * stored, and how long it works, is up to each kind of link.
 *
 * @param token what goes into the link, shown once
 * @param hash  what is stored and looked up
 */
record LinkToken(String token, String hash) {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Longer than any token this class makes (43 characters): anything longer is refused before hashing. */
    static final int MAX_LENGTH = 100;

    static LinkToken mint() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new LinkToken(token, hashOf(token));
    }

    /** SHA-256 (hex) of the token as it appears in the link. */
    static String hashOf(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", everyJavaHasIt);
        }
    }

    /** A token as it came in from a link: worth looking up only if present and of a plausible length. */
    static boolean plausible(@Nullable String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_LENGTH;
    }
}

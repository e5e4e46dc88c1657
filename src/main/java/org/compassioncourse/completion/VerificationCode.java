package org.compassioncourse.completion;

import org.jspecify.annotations.Nullable;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Certificate verification codes: 20 characters of Crockford's base32 (5 bits each, 100 bits from SecureRandom),
 * unguessable even for many lookups. Read without case, dashes or spaces; O/I/L are read as 0/1/1 (Crockford).
 */
final class VerificationCode {

    static final int LENGTH = 20;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCode() {
    }

    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The stored form of a typed or linked code, or empty if it cannot be a code (the caller says "not found" either way). */
    static Optional<String> normalize(@Nullable String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String code = typed.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    static String display(String code) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < code.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                shown.append('-');
            }
            shown.append(code.charAt(i));
        }
        return shown.toString();
    }
}

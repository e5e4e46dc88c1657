package org.compassioncourse.account;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.matching.match.DictionaryMatch;
import me.gosimple.nbvcxz.matching.match.Match;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Password rules after OWASP ASVS level 1: at least 8 and at most 128 characters, any characters,
 * no composition rules; refused when it is a commonly used password, built from the user's own
 * name or email, or otherwise trivially guessable. The lists and the guess estimate come from nbvcxz.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    /** About a billion guesses: below this an offline attack on a leaked hash is quick. */
    private static final double MINIMUM_ENTROPY_BITS = 30.0;
    private static final String COMMON_PASSWORDS = "passwords";
    private static final java.util.regex.Pattern PADDING = java.util.regex.Pattern.compile("[\\d\\p{Punct}\\s]{0,4}");

    /**
     * Checks a password a person wants to use.
     *
     * @param personalWords words an attacker would try first for this person (email, display name)
     * @return a message for the person if the password is refused, empty if it is acceptable
     */
    public Optional<String> problemWith(@Nullable String password, String... personalWords) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters. A few unrelated words make a strong, memorable password.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        Result result = estimatorFor(personalWords).estimate(password);
        if (isCommonPassword(result, password)) {
            return Optional.of("This password is on a list of commonly used passwords. Choose something less predictable, such as a few unrelated words.");
        }
        if (usesPersonalWords(result) || (!folded(password).equals(password)
                && usesPersonalWords(estimatorFor(personalWords).estimate(folded(password))))) {
            return Optional.of("Don't build your password from your name or email address. Choose something others can't guess.");
        }
        if (!result.isMinimumEntropyMet()) {
            return Optional.of("This password is too easy to guess (common words, repeats or keyboard patterns). Try a longer phrase of a few unrelated words.");
        }
        return Optional.empty();
    }

    /** A listed common password, alone or with a few digits or symbols added before or after it. */
    private static boolean isCommonPassword(Result result, String password) {
        for (Match match : result.getMatches()) {
            if (match instanceof DictionaryMatch dictionaryMatch
                    && COMMON_PASSWORDS.equals(dictionaryMatch.getDictionaryName())) {
                String before = password.substring(0, match.getStartIndex());
                String after = password.substring(match.getEndIndex() + 1);
                if (PADDING.matcher(before + after).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean usesPersonalWords(Result result) {
        for (Match match : result.getMatches()) {
            if (match instanceof DictionaryMatch dictionaryMatch
                    && "personal".equals(dictionaryMatch.getDictionaryName())
                    && match.getToken().length() >= 4) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text with accents folded away, as people type a name on a keyboard without them: Unicode NFD with the
     * combining marks removed ("Ñúñez" → "Nunez"), plus the letters that do not decompose (ø, ł, ß, æ, œ, đ).
     */
    static String folded(String text) {
        String stripped = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder(stripped.length());
        stripped.codePoints().forEach(cp -> out.append(switch (cp) {
            case 'ø' -> "o";
            case 'Ø' -> "O";
            case 'ł' -> "l";
            case 'Ł' -> "L";
            case 'ß' -> "ss";
            case 'æ' -> "ae";
            case 'Æ' -> "AE";
            case 'œ' -> "oe";
            case 'Œ' -> "OE";
            case 'đ' -> "d";
            case 'Đ' -> "D";
            default -> new String(Character.toChars(cp));
        }));
        return out.toString();
    }

    private static Nbvcxz estimatorFor(String... personalWords) {
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        DictionaryBuilder personal = new DictionaryBuilder().setDictionaryName("personal").setExclusion(true);
        boolean any = false;
        for (String word : personalWords) {
            if (word == null) {
                continue;
            }
            // "Zoë Ñúñez" must also refuse "zoe-nunez-2024": each word as written and with its accents folded
            for (String part : (word.toLowerCase(Locale.ROOT) + " " + folded(word.toLowerCase(Locale.ROOT))).split("[^\\p{L}\\p{N}]+")) {
                if (part.length() >= 4) {
                    personal.addWord(part, 0);
                    any = true;
                }
            }
        }
        if (any) {
            dictionaries.add(personal.createDictionary());
        }
        return new Nbvcxz(new ConfigurationBuilder()
                .setDictionaries(dictionaries)
                .setMinimumEntropy(MINIMUM_ENTROPY_BITS)
                .setMaxLength(MAX_LENGTH)
                .createConfiguration());
    }
}

package org.compassioncourse.account;

import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as the course keeps it: stripped and in lower case, at most 254 characters, of the shape
 * name@domain.tld. The one place that decides what counts as an email address; registration, invitations, the
 * administrator bootstrap and sign-in all read it from here.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+$");
    static final String ENTER_ONE = "Enter your email address.";
    public static final String NOT_AN_ADDRESS = "Enter a valid email address, such as name@hospital.org.";

    public EmailAddress {
        if (!value.equals(normalize(value)) || problemWith(value) != null) {
            throw new InvalidValueException(NOT_AN_ADDRESS);
        }
    }

    /** The address as typed, normalised; refused, with a message for the person who typed it, when it is not one. */
    public static EmailAddress parse(String typed) {
        String normalized = normalize(typed);
        String problem = problemWith(normalized);
        if (problem != null) {
            throw new InvalidValueException(problem);
        }
        return new EmailAddress(normalized);
    }

    /** Stripped and in lower case: how an address typed at sign-in is looked up (null becomes empty). */
    public static String normalize(@Nullable String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    private static String problemWith(String normalized) {
        if (normalized.isEmpty()) {
            return ENTER_ONE;
        }
        return normalized.length() > MAX_LENGTH || !SHAPE.matcher(normalized).matches() ? NOT_AN_ADDRESS : null;
    }

    /** The part after the @, e.g. for a list of allowed hospital domains. */
    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}

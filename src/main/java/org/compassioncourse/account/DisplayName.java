package org.compassioncourse.account;

import org.jspecify.annotations.Nullable;

/**
 * The name other people in the course see (and the certificate prints): stripped, not empty, at most 80 characters.
 * The one place that decides what a name may be; registration, account set-up and the settings page read it here.
 */
public record DisplayName(String value) {

    public static final int MAX_LENGTH = 80;
    static final String ENTER_ONE = "Enter the name other people in the course will see.";
    static final String TOO_LONG = "Use at most " + MAX_LENGTH + " characters for your name.";

    public DisplayName {
        String problem = problemWith(value);
        if (problem != null || !value.equals(value.strip())) {
            throw new InvalidValueException(problem == null ? ENTER_ONE : problem);
        }
    }

    /** The name as typed, stripped; refused, with a message for the person who typed it, when empty or too long. */
    public static DisplayName parse(@Nullable String typed) {
        String name = typed == null ? "" : typed.strip();
        String problem = problemWith(name);
        if (problem != null) {
            throw new InvalidValueException(problem);
        }
        return new DisplayName(name);
    }

    private static String problemWith(String name) {
        if (name.isEmpty()) {
            return ENTER_ONE;
        }
        return name.length() > MAX_LENGTH ? TOO_LONG : null;
    }

    @Override
    public String toString() {
        return value;
    }
}

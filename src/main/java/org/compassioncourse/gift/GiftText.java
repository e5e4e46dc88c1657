package org.compassioncourse.gift;

/** GIFT's escapes: {@code ~ = # { } :} and the backslash take a backslash, a newline is written {@code \n}. */
final class GiftText {

    private static final String SPECIAL = "~=#{}:\\";

    private GiftText() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                continue;
            }
            if (c == '\n') {
                out.append("\\n");
            } else {
                if (SPECIAL.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Undoes {@link #escape}; a backslash before any other character stays, as in Moodle. */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next == 'n') {
                    out.append('\n');
                    i++;
                    continue;
                }
                if (SPECIAL.indexOf(next) >= 0) {
                    out.append(next);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Index of {@code token} at or after {@code from} that no backslash escapes, or -1. */
    static int indexOfUnescaped(String text, String token, int from) {
        for (int i = from; i <= text.length() - token.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (text.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    static int lastIndexOfUnescaped(String text, char token) {
        int found = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == token) {
                found = i;
            }
        }
        return found;
    }

    static int countUnescaped(String text, char token) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == token) {
                n++;
            }
        }
        return n;
    }
}

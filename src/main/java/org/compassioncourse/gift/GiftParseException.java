package org.compassioncourse.gift;

/** A GIFT file that cannot be read, with the line to look at; nothing is imported from it. */
public final class GiftParseException extends Exception {

    private final int line;

    public GiftParseException(int line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}

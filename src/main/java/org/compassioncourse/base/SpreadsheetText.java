package org.compassioncourse.base;

/**
 * Text for a CSV cell that a spreadsheet shows as text and never runs: a cell starting with = + - @ tab or CR is a
 * formula to Excel and LibreOffice, so it gets a leading apostrophe (OWASP's advice on CSV injection).
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static String cell(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}

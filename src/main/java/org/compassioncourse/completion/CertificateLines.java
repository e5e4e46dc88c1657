package org.compassioncourse.completion;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Text written downwards from a starting line. Each character goes in the first font that has it (see
 * {@link CertificateFonts}), so a Polish, Greek, Cyrillic, Chinese, Japanese, Korean, Arabic or Hebrew name prints as
 * written; right-to-left text is shaped and set in visual order per line.
 */
final class CertificateLines {

    private final CertificateFonts fonts;
    private final PDPageContentStream out;
    private final float pageWidth;
    private float y;

    CertificateLines(CertificateFonts fonts, PDPageContentStream out, float pageWidth, float top) {
        this.fonts = fonts;
        this.out = out;
        this.pageWidth = pageWidth;
        this.y = top;
    }

    void space(float points) {
        y -= points;
    }

    private static float width(List<CertificateFonts.Run> runs, float fontSize) throws IOException {
        float width = 0;
        for (CertificateFonts.Run run : runs) {
            width += run.width(fontSize);
        }
        return width;
    }

    void centred(PDFont standard, float fontSize, String text) throws IOException {
        List<CertificateFonts.Run> runs = fonts.runs(standard, text);
        line(runs, fontSize, (pageWidth - width(runs, fontSize)) / 2);
    }

    void left(PDFont standard, float fontSize, float x, String text) throws IOException {
        line(fonts.runs(standard, text), fontSize, x);
    }

    void wrapped(PDFont standard, float fontSize, String text, boolean centred) throws IOException {
        float maxWidth = pageWidth - 2 * CertificatePdf.MARGIN - 16;
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (width(fonts.runs(standard, candidate), fontSize) > maxWidth && !current.isEmpty()) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        if (!current.isEmpty()) {
            lines.add(current.toString());
        }
        for (String line : lines) {
            if (centred) {
                centred(standard, fontSize, line);
            } else {
                left(standard, fontSize, CertificatePdf.MARGIN, line);
            }
        }
    }

    /**
     * A line that must never be clipped, such as the learner's name: set smaller, down to {@code minSize}, until it
     * fits between the margins; if it still does not, split at the space nearest its middle (anywhere, without one)
     * into two lines, each as large as fits.
     */
    void fitted(PDFont standard, float fontSize, float minSize, String text) throws IOException {
        float maxWidth = pageWidth - 2 * CertificatePdf.MARGIN - 16;
        List<CertificateFonts.Run> runs = fonts.runs(standard, text);
        float size = largestFitting(runs, fontSize, minSize, maxWidth);
        if (width(runs, size) <= maxWidth) {
            line(runs, size, (pageWidth - width(runs, size)) / 2);
            return;
        }
        int split = splitNearMiddle(text);
        String first = text.substring(0, split).strip();
        String second = text.substring(split).strip();
        List<CertificateFonts.Run> firstRuns = fonts.runs(standard, first);
        List<CertificateFonts.Run> secondRuns = fonts.runs(standard, second);
        float both = Math.min(largestFitting(firstRuns, minSize, 6, maxWidth), largestFitting(secondRuns, minSize, 6, maxWidth));
        line(firstRuns, both, (pageWidth - width(firstRuns, both)) / 2);
        line(secondRuns, both, (pageWidth - width(secondRuns, both)) / 2);
    }

    private static float largestFitting(List<CertificateFonts.Run> runs, float fontSize, float minSize, float maxWidth) throws IOException {
        float size = fontSize;
        while (size > minSize && width(runs, size) > maxWidth) {
            size -= 0.5f;
        }
        return size;
    }

    private static int splitNearMiddle(String text) {
        int middle = text.length() / 2;
        for (int offset = 0; offset <= middle; offset++) {
            if (middle + offset < text.length() && text.charAt(middle + offset) == ' ') {
                return middle + offset;
            }
            if (middle - offset > 0 && text.charAt(middle - offset) == ' ') {
                return middle - offset;
            }
        }
        return text.offsetByCodePoints(0, text.codePointCount(0, text.length()) / 2);
    }

    private void line(List<CertificateFonts.Run> runs, float fontSize, float x) throws IOException {
        y -= fontSize * 1.3f;
        out.beginText();
        out.newLineAtOffset(x, y);
        for (CertificateFonts.Run run : runs) {
            out.setFont(run.font(), fontSize);
            out.showText(run.text());
        }
        out.endText();
    }
}

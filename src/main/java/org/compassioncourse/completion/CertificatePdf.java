package org.compassioncourse.completion;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Draws a certificate as a one-page PDF (Apache PDFBox) from its issue record alone, so the same record always gives
 * the same text. A CE certificate carries the hours, provider, accreditation statement and contact; a plain certificate
 * of completion carries none of them. Both carry the verification code, link and a QR code of the link.
 */
final class CertificatePdf {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final float MARGIN = 64;
    /** The smallest type the learner's name is set in before it goes onto a second line. */
    static final float NAME_MIN_SIZE = 14;

    private CertificatePdf() {
    }

    static byte[] render(IssuedCertificate certificate, String verificationLink, PaperSize paper) {
        try (PDDocument document = new PDDocument()) {
            PDRectangle size = paper == PaperSize.A4 ? PDRectangle.A4 : PDRectangle.LETTER;
            PDPage page = new PDPage(size);
            document.addPage(page);
            describe(document, certificate);
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                Fonts fonts = new Fonts(document);
                Writer writer = new Writer(fonts, out, size.getWidth(), size.getHeight() - MARGIN - 30);
                border(out, size);
                writer.centred(bold, 26, "Certificate of Completion");
                writer.space(22);
                writer.centred(regular, 13, "This certifies that");
                writer.space(8);
                writer.fitted(bold, 22, NAME_MIN_SIZE, certificate.learnerName());
                writer.space(8);
                writer.centred(regular, 13, "completed the course");
                writer.space(6);
                writer.wrapped(bold, 17, certificate.courseTitle(), true);
                writer.centred(regular, 11, "Course version " + certificate.courseVersion());
                writer.space(8);
                writer.centred(regular, 13, "on " + DATE.format(certificate.completedOn()));
                writer.space(20);
                if (certificate.continuingEducation()) {
                    writer.centred(bold, 13, "Continuing education hours: " + hours(certificate.ceHours()));
                    writer.space(6);
                    writer.centred(regular, 12, "Provider: " + certificate.provider());
                    writer.space(6);
                    writer.wrapped(regular, 11, certificate.accreditation(), true);
                    writer.space(4);
                    writer.centred(regular, 11, "Contact: " + certificate.contact());
                } else {
                    writer.wrapped(regular, 11, "This certificate records completion of the course. It is not a "
                            + "continuing-education certificate and states no accreditation.", true);
                }
                float qrSize = 96;
                float qrTop = MARGIN + 24 + qrSize;
                qr(out, verificationLink, MARGIN + 8, MARGIN + 24, qrSize);
                Writer footer = new Writer(fonts, out, size.getWidth(), qrTop - 14);
                footer.left(regular, 10, MARGIN + qrSize + 24, "Verification code: " + certificate.displayCode());
                footer.left(regular, 10, MARGIN + qrSize + 24, "Check this certificate at:");
                footer.left(regular, 9, MARGIN + qrSize + 24, verificationLink);
                footer.left(regular, 9, MARGIN + qrSize + 24, "Issued " + DATE.format(certificate.issuedAt().atZone(ZoneOffset.UTC)));
                if (certificate.revoked()) {
                    revokedMark(fonts, out, size, certificate, bold);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hours(Double hours) {
        return hours == Math.rint(hours) ? String.valueOf(hours.longValue()) : String.valueOf(hours);
    }

    /** Title, language and dates, so screen readers and file listings name the document; fixed dates keep it reproducible. */
    private static void describe(PDDocument document, IssuedCertificate certificate) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Certificate of Completion: " + certificate.courseTitle() + " — " + certificate.learnerName());
        info.setSubject(certificate.courseTitle() + ", version " + certificate.courseVersion());
        info.setAuthor(certificate.provider() != null ? certificate.provider() : "Compassion Course");
        info.setCreator("Compassion Course");
        Calendar issued = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        issued.setTimeInMillis(certificate.issuedAt().toEpochMilli());
        info.setCreationDate(issued);
        info.setModificationDate(issued);
        document.getDocumentCatalog().setLanguage("en");
        PDViewerPreferences preferences = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        preferences.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(preferences);
    }

    private static void border(PDPageContentStream out, PDRectangle size) throws IOException {
        out.setLineWidth(2);
        out.addRect(MARGIN / 2, MARGIN / 2, size.getWidth() - MARGIN, size.getHeight() - MARGIN);
        out.stroke();
    }

    /**
     * A revoked certificate (only its instructor can still download it) is marked so no copy passes for a valid one:
     * "REVOKED" across the page and the date and reason above the title.
     */
    private static void revokedMark(Fonts fonts, PDPageContentStream out, PDRectangle size, IssuedCertificate certificate,
                                    PDFont bold) throws IOException {
        out.setNonStrokingColor(new java.awt.Color(176, 0, 32));
        Writer top = new Writer(fonts, out, size.getWidth(), size.getHeight() - MARGIN / 2 - 4);
        top.centred(bold, 12, "REVOKED on " + DATE.format(certificate.revokedAt().atZone(ZoneOffset.UTC)) + ": "
                + shortened(certificate.revokedReason(), 80));
        PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
        faint.setNonStrokingAlphaConstant(0.3f);
        out.saveGraphicsState();
        out.setGraphicsStateParameters(faint);
        float fontSize = 110;
        float width = bold.getStringWidth("REVOKED") / 1000 * fontSize;
        double angle = Math.atan2(size.getHeight(), size.getWidth());
        float x = (float) (size.getWidth() / 2 - Math.cos(angle) * width / 2 + Math.sin(angle) * fontSize * 0.35);
        float y = (float) (size.getHeight() / 2 - Math.sin(angle) * width / 2 - Math.cos(angle) * fontSize * 0.35);
        out.beginText();
        out.setFont(bold, fontSize);
        out.setTextMatrix(Matrix.getRotateInstance(angle, x, y));
        out.showText("REVOKED");
        out.endText();
        out.restoreGraphicsState();
    }

    private static String shortened(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The QR code drawn as filled squares (vector, sharp at any zoom). */
    private static void qr(PDPageContentStream out, String link, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException tooLong) {
            return; // the link is printed in words as well
        }
        float module = size / matrix.getWidth();
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    out.addRect(x + column * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        out.fill();
    }

    /** The fonts tried in turn for characters the standard fonts cannot show, and what they cover between them. */
    private static final List<String> UNICODE_FONTS = List.of(
            // Latin, Greek, Cyrillic, Vietnamese (PDFBox ships it)
            "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf",
            // Chinese, Japanese, Korean (Droid Sans Fallback, Apache License 2.0: see fonts/README.md)
            "/fonts/DroidSansFallbackFull.ttf");

    /** Every code point the certificate's fonts can show, worked out once (the fonts themselves are not kept). */
    private static volatile java.util.@org.jspecify.annotations.Nullable BitSet covered;

    private static java.util.BitSet covered() {
        java.util.BitSet known = covered;
        if (known == null) {
            known = new java.util.BitSet();
            for (String path : UNICODE_FONTS) {
                try (InputStream in = CertificatePdf.class.getResourceAsStream(path)) {
                    if (in == null) {
                        continue;
                    }
                    try (org.apache.fontbox.ttf.TrueTypeFont font = new org.apache.fontbox.ttf.TTFParser()
                            .parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(in))) {
                        org.apache.fontbox.ttf.CmapLookup cmap = font.getUnicodeCmapLookup();
                        for (int cp = 0; cp <= 0x2FFFF; cp++) {
                            if (cmap.getGlyphId(cp) > 0) {
                                known.set(cp);
                            }
                        }
                    }
                } catch (IOException unreadable) {
                    // a font that cannot be read covers nothing; the learner is told what will not print
                }
            }
            PDFont helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int cp = 0x20; cp < 0x250; cp++) {
                if (encodable(helvetica, new String(Character.toChars(cp)))) {
                    known.set(cp);
                }
            }
            covered = known;
        }
        return known;
    }

    /**
     * The characters of a text (e.g. a learner's name) that no font of the certificate can show, even without their
     * accents: they would print as '?'. Empty when all of it prints. The learner is told before the certificate is
     * issued, so nothing prints as '?' unannounced.
     */
    static List<String> unprintable(String text) {
        java.util.BitSet known = covered();
        java.util.LinkedHashSet<String> missing = new java.util.LinkedHashSet<>();
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || known.get(cp)) {
                return;
            }
            String stripped = java.text.Normalizer.normalize(new String(Character.toChars(cp)), java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "");
            if (stripped.isEmpty() || !stripped.codePoints().allMatch(known::get)) {
                missing.add(new String(Character.toChars(cp)));
            }
        });
        return List.copyOf(missing);
    }

    /**
     * The Unicode fonts of one document, loaded (and embedded as a subset) only when a line needs them. Each character
     * is written in the first font that has it: the standard font, then {@link #UNICODE_FONTS} in order.
     */
    private static final class Fonts {
        private final PDDocument document;
        private final PDFont[] unicode = new PDFont[UNICODE_FONTS.size()];
        private final boolean[] tried = new boolean[UNICODE_FONTS.size()];

        Fonts(PDDocument document) {
            this.document = document;
        }

        private @org.jspecify.annotations.Nullable PDFont unicode(int index) throws IOException {
            if (!tried[index]) {
                tried[index] = true;
                try (InputStream ttf = CertificatePdf.class.getResourceAsStream(UNICODE_FONTS.get(index))) {
                    if (ttf != null) {
                        unicode[index] = PDType0Font.load(document, ttf);
                    }
                }
            }
            return unicode[index];
        }

        /** The first font that shows this character, or null if none does. */
        @org.jspecify.annotations.Nullable PDFont showing(PDFont standard, String ch) throws IOException {
            if (encodable(standard, ch)) {
                return standard;
            }
            if (!ch.codePoints().allMatch(covered()::get)) {
                return null; // no font has it: load none in vain
            }
            for (int i = 0; i < unicode.length; i++) {
                PDFont font = unicode(i);
                if (font != null && encodable(font, ch)) {
                    return font;
                }
            }
            return null;
        }

        /**
         * The text as runs of one font each. A character no font shows loses its accents if that makes it showable,
         * else becomes '?' (the learner was told before the certificate was issued).
         */
        List<Run> runs(PDFont standard, String text) throws IOException {
            List<Run> runs = new ArrayList<>();
            PDFont current = standard;
            StringBuilder run = new StringBuilder();
            for (int cp : text.codePoints().toArray()) {
                String ch = Character.isWhitespace(cp) ? " " : new String(Character.toChars(cp));
                PDFont font = ch.equals(" ") && encodable(current, " ") ? current : showing(standard, ch);
                if (font == null) {
                    String stripped = stripped(ch);
                    font = stripped.isEmpty() ? null : showing(standard, stripped);
                    ch = font == null ? "?" : stripped;
                    font = font == null ? current : font;
                }
                if (font != current && !run.isEmpty()) {
                    runs.add(new Run(current, run.toString()));
                    run.setLength(0);
                }
                current = font;
                run.append(ch);
            }
            if (!run.isEmpty()) {
                runs.add(new Run(current, run.toString()));
            }
            return runs;
        }
    }

    private static String stripped(String ch) {
        return java.text.Normalizer.normalize(ch, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** Part of a line written in one font. */
    private record Run(PDFont font, String text) {
        float width(float fontSize) throws IOException {
            return font.getStringWidth(text) / 1000 * fontSize;
        }
    }

    /**
     * Text written downwards from a starting line. Each character goes in the first font that has it (see
     * {@link Fonts}), so a Polish, Greek, Cyrillic, Chinese, Japanese or Korean name prints as written.
     */
    private static final class Writer {
        private final Fonts fonts;
        private final PDPageContentStream out;
        private final float pageWidth;
        private float y;

        Writer(Fonts fonts, PDPageContentStream out, float pageWidth, float top) {
            this.fonts = fonts;
            this.out = out;
            this.pageWidth = pageWidth;
            this.y = top;
        }

        void space(float points) {
            y -= points;
        }

        private static float width(List<Run> runs, float fontSize) throws IOException {
            float width = 0;
            for (Run run : runs) {
                width += run.width(fontSize);
            }
            return width;
        }

        void centred(PDFont standard, float fontSize, String text) throws IOException {
            List<Run> runs = fonts.runs(standard, text);
            line(runs, fontSize, (pageWidth - width(runs, fontSize)) / 2);
        }

        void left(PDFont standard, float fontSize, float x, String text) throws IOException {
            line(fonts.runs(standard, text), fontSize, x);
        }

        void wrapped(PDFont standard, float fontSize, String text, boolean centred) throws IOException {
            float maxWidth = pageWidth - 2 * MARGIN - 16;
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
                    left(standard, fontSize, MARGIN, line);
                }
            }
        }

        /**
         * A line that must never be clipped, such as the learner's name: set smaller, down to {@code minSize}, until it
         * fits between the margins; if it still does not, split at the space nearest its middle (anywhere, without one)
         * into two lines, each as large as fits.
         */
        void fitted(PDFont standard, float fontSize, float minSize, String text) throws IOException {
            float maxWidth = pageWidth - 2 * MARGIN - 16;
            List<Run> runs = fonts.runs(standard, text);
            float size = largestFitting(runs, fontSize, minSize, maxWidth);
            if (width(runs, size) <= maxWidth) {
                line(runs, size, (pageWidth - width(runs, size)) / 2);
                return;
            }
            int split = splitNearMiddle(text);
            String first = text.substring(0, split).strip();
            String second = text.substring(split).strip();
            List<Run> firstRuns = fonts.runs(standard, first);
            List<Run> secondRuns = fonts.runs(standard, second);
            float both = Math.min(largestFitting(firstRuns, minSize, 6, maxWidth), largestFitting(secondRuns, minSize, 6, maxWidth));
            line(firstRuns, both, (pageWidth - width(firstRuns, both)) / 2);
            line(secondRuns, both, (pageWidth - width(secondRuns, both)) / 2);
        }

        private static float largestFitting(List<Run> runs, float fontSize, float minSize, float maxWidth) throws IOException {
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

        private void line(List<Run> runs, float fontSize, float x) throws IOException {
            y -= fontSize * 1.3f;
            out.beginText();
            out.newLineAtOffset(x, y);
            for (Run run : runs) {
                out.setFont(run.font(), fontSize);
                out.showText(run.text());
            }
            out.endText();
        }
    }

    private static boolean encodable(PDFont font, String ch) {
        try {
            font.encode(ch);
            return true;
        } catch (IllegalArgumentException | IOException notInFont) {
            return false;
        }
    }
}

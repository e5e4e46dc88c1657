package org.compassioncourse.completion;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The fonts of one certificate document, all embedded as subsets (PDF/UA wants every font embedded): the regular and
 * bold type, and Unicode fonts loaded only when a line needs them. Each character is written in the first font that has
 * it: the line's own type, then {@link #UNICODE_FONTS} in order. Also
 * says, before a certificate is issued, which characters of a name no font can show.
 */
final class CertificateFonts {

    /** The type of the certificate: Liberation Sans, metric-compatible with Helvetica, embedded as PDF/UA asks. */
    static final String REGULAR = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    /** Its bold (SIL OFL 1.1: see fonts/README.md). */
    static final String BOLD = "/fonts/LiberationSans-Bold.ttf";

    /** The fonts tried in turn for characters the standard fonts cannot show, and what they cover between them. */
    static final List<String> UNICODE_FONTS = List.of(
            // Latin, Greek, Cyrillic, Vietnamese, Hebrew (PDFBox ships it)
            REGULAR,
            // Chinese, Japanese (Droid Sans Fallback, Apache License 2.0: see fonts/README.md)
            "/fonts/DroidSansFallbackFull.ttf",
            // Arabic, with the presentation forms that shaping writes (Noto Sans Arabic, SIL OFL 1.1); Hebrew is in
            // Liberation Sans already
            "/fonts/NotoSansArabic-Regular.ttf",
            // Korean Hangul, all 11,172 syllables (NanumSquare, SIL OFL 1.1)
            "/fonts/NanumSquareR.ttf");

    /** Every code point the certificate's fonts can show, worked out once (the fonts themselves are not kept). */
    private static volatile java.util.@org.jspecify.annotations.Nullable BitSet covered;

    private static java.util.BitSet covered() {
        java.util.BitSet known = covered;
        if (known == null) {
            known = new java.util.BitSet();
            for (String path : UNICODE_FONTS) {
                try (InputStream in = CertificateFonts.class.getResourceAsStream(path)) {
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

    private final PDDocument document;
    private final PDFont[] unicode = new PDFont[UNICODE_FONTS.size()];
    private final boolean[] tried = new boolean[UNICODE_FONTS.size()];

    private final PDFont regular;
    private final PDFont bold;

    CertificateFonts(PDDocument document) throws IOException {
        this.document = document;
        this.regular = load(document, REGULAR);
        this.bold = load(document, BOLD);
    }

    private static PDFont load(PDDocument document, String path) throws IOException {
        try (InputStream ttf = CertificateFonts.class.getResourceAsStream(path)) {
            if (ttf == null) {
                throw new IOException("The certificate font " + path + " is missing from the application");
            }
            return PDType0Font.load(document, ttf); // embedded as a subset of the glyphs used
        }
    }

    /** The regular type, embedded. */
    PDFont regular() {
        return regular;
    }

    /** The bold type, embedded. */
    PDFont bold() {
        return bold;
    }

    private @org.jspecify.annotations.Nullable PDFont unicode(int index) throws IOException {
        if (!tried[index]) {
            tried[index] = true;
            try (InputStream ttf = CertificateFonts.class.getResourceAsStream(UNICODE_FONTS.get(index))) {
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
     * The text as drawn: Arabic letters joined into their initial, medial, final or isolated forms (the font's
     * presentation forms; PDFBox does not shape) and right-to-left stretches turned round, so that glyphs written left
     * to right read correctly. A mixed name keeps the order its first strong letter's direction gives (Unicode
     * bidirectional algorithm); brackets facing the other way are mirrored. Text that is all left-to-right is unchanged.
     */
    static String visual(String logical) {
        if (!Bidi.requiresBidi(logical.toCharArray(), 0, logical.length())) {
            return logical;
        }
        String shaped;
        try {
            shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL
                    | ArabicShaping.LENGTH_GROW_SHRINK).shape(logical);
        } catch (ArabicShapingException unshapeable) {
            shaped = logical; // unjoined letters still read, in the right order
        }
        Bidi bidi = new Bidi();
        bidi.setPara(shaped, Bidi.LEVEL_DEFAULT_LTR, null);
        return bidi.writeReordered(Bidi.DO_MIRRORING);
    }

    /** Whether the text is drawn otherwise than written (so a tagged PDF carries the written text as /ActualText). */
    static boolean drawnOtherwise(String logical) {
        return !visual(logical).equals(logical);
    }

    /**
     * The text (in logical order, as typed) as runs of one font each, in visual order (see {@link #visual}). A character no font shows loses its accents if that makes it showable,
     * else becomes '?' (the learner was told before the certificate was issued).
     */
    List<Run> runs(PDFont standard, String text) throws IOException {
        List<Run> runs = new ArrayList<>();
        PDFont current = standard;
        StringBuilder run = new StringBuilder();
        for (int cp : visual(text).codePoints().toArray()) {
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


    private static String stripped(String ch) {
        return java.text.Normalizer.normalize(ch, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** Part of a line written in one font. */
    record Run(PDFont font, String text) {
        float width(float fontSize) throws IOException {
            return font.getStringWidth(text) / 1000 * fontSize;
        }
    }

    static boolean encodable(PDFont font, String ch) {
        try {
            font.encode(ch);
            return true;
        } catch (IllegalArgumentException | IOException notInFont) {
            return false;
        }
    }
}

package org.compassioncourse.completion;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A learner's name prints in any of the scripts learners write their names in: each glyph comes from an embedded font
 * that has it (never .notdef or "?"), the name's area of the rendered page is not blank, Arabic letters are joined and
 * right-to-left text stands in visual order. The rendered pages are kept in target/certificate-scripts for a look.
 */
class CertificateScriptsTest {

    private static final Path PAGES = Path.of("target", "certificate-scripts");

    private static IssuedCertificate named(String learner) {
        return new IssuedCertificate("7K3M9QXR2T4V6W8Y0ZAB", learner, "Neuroscience and Compassion", 3, LocalDate.of(2026, 3, 4),
                null, null, null, null, Instant.parse("2026-03-04T10:15:30Z"), null, null);
    }

    private static byte[] pdf(String learner) {
        return CertificatePdf.render(named(learner), "http://x/verify/7K3M9QXR2T4V6W8Y0ZAB", PaperSize.A4);
    }

    /** The glyphs of each line as drawn, lines from the top of the page (the name is the third line). */
    private static List<List<TextPosition>> lines(PDDocument document) throws IOException {
        java.util.SortedMap<Integer, List<TextPosition>> byBaseline = new java.util.TreeMap<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition glyph) {
                // as drawn: the stripper's own line assembly would put right-to-left glyphs back in logical order
                if (glyph.getDir() == 0) {
                    byBaseline.computeIfAbsent(Math.round(glyph.getYDirAdj()), y -> new ArrayList<>()).add(glyph);
                }
            }
        };
        stripper.getText(document);
        return List.copyOf(byBaseline.values());
    }

    private static List<TextPosition> nameLine(PDDocument document) throws IOException {
        return lines(document).get(2);
    }

    /** The glyphs from left to right, presentation forms read back as the letters they show. */
    private static String leftToRight(List<TextPosition> glyphs) {
        return glyphs.stream().sorted(Comparator.comparing(TextPosition::getXDirAdj))
                .map(glyph -> Normalizer.normalize(glyph.getUnicode(), Normalizer.Form.NFKC))
                .collect(Collectors.joining()).replace(" ", "");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            latin    | Zoë O'Brien-Núñez
            greek    | Ελένη Παπαδοπούλου
            cyrillic | Олена Коваленко
            chinese  | 王小明
            japanese | 山田 花子
            korean   | 김민준
            arabic   | فاطمة الزهراء
            hebrew   | דוד כהן
            mixed-ar | Ahmed أحمد علي
            mixed-he | David דוד (כהן)
            """)
    void aNameInEachScriptPrintsInGlyphsItsFontsHaveAndShowsOnTheRenderedPage(String script, String learner) throws IOException {
        assertThat(CertificatePdf.unprintable(learner)).as("nothing of %s is announced as unprintable", learner).isEmpty();
        try (PDDocument document = Loader.loadPDF(pdf(learner))) {
            List<TextPosition> name = nameLine(document);
            assertThat(name).as("the name line").isNotEmpty();
            for (TextPosition glyph : name) {
                assertThat(glyph.getUnicode()).as(script + " glyph").isNotIn("?", "\uFFFD");
                int code = glyph.getCharacterCodes()[0];
                assertThat(glyph.getFont()).isInstanceOf(PDVectorFont.class);
                assertThat(((PDVectorFont) glyph.getFont()).hasGlyph(code))
                        .as("%s: %s in %s is a real glyph, not .notdef", script, glyph.getUnicode(), glyph.getFont().getName())
                        .isTrue();
                assertThat(glyph.getFont().isEmbedded()).as(glyph.getFont().getName() + " is embedded").isTrue();
            }
            float scale = 2; // 144 dpi
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 72 * scale);
            Files.createDirectories(PAGES);
            ImageIO.write(page, "png", PAGES.resolve(script + ".png").toFile());
            float left = (float) name.stream().mapToDouble(TextPosition::getXDirAdj).min().orElseThrow();
            float right = (float) name.stream().mapToDouble(g -> g.getXDirAdj() + g.getWidthDirAdj()).max().orElseThrow();
            float baseline = name.getFirst().getYDirAdj();
            float top = baseline - name.getFirst().getFontSizeInPt();
            int dark = 0;
            int all = 0;
            for (int x = (int) (left * scale); x < (int) (right * scale); x++) {
                for (int y = (int) (top * scale); y < (int) ((baseline + 4) * scale); y++) {
                    all++;
                    if ((page.getRGB(x, y) & 0xFF) < 128) {
                        dark++;
                    }
                }
            }
            assertThat(dark).as("%s: inked pixels of %d in the name's area", script, all).isGreaterThan(all / 20);
        }
    }

    @Test
    void arabicLettersAreJoinedAndRightToLeftTextStandsInVisualOrderBesideLatin() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf("Ahmed أحمد علي"))) {
            List<TextPosition> name = nameLine(document);
            assertThat(leftToRight(name)).as("Latin first, then the Arabic read from the right")
                    .isEqualTo("Ahmed" + new StringBuilder("أحمدعلي").reverse());
            String drawn = name.stream().map(TextPosition::getUnicode).collect(Collectors.joining());
            // أحمد: alef with hamza alone (it joins no letter after it), hah initial, meem medial, dal final
            assertThat(drawn).contains("\uFE83", "\uFEA3", "\uFEE4", "\uFEAA");
        }
        try (PDDocument document = Loader.loadPDF(pdf("David דוד (כהן)"))) {
            assertThat(leftToRight(nameLine(document))).as("Hebrew from the right; its brackets mirrored")
                    .isEqualTo("David(ןהכ)דוד");
        }
        try (PDDocument document = Loader.loadPDF(pdf("محمد (Mohammed)"))) {
            assertThat(leftToRight(nameLine(document))).as("an Arabic-first name reads from the right, Latin inside it")
                    .isEqualTo("(Mohammed)دمحم");
        }
    }

    @Test
    void textExtractionGivesAnAllArabicOrAllHebrewNameBackAsWritten() throws IOException {
        for (String learner : List.of("فاطمة الزهراء", "דוד כהן", "أحمد")) {
            try (PDDocument document = Loader.loadPDF(pdf(learner))) {
                assertThat(new PDFTextStripper().getText(document)).as(learner).contains(learner);
            }
        }
    }
}

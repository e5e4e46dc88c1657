package org.compassioncourse.completion;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDLayoutAttributeObject;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The certificate is a tagged PDF (checked by reading it back with PDFBox; no PDF/UA validator is served here): a
 * structure tree in reading order whose elements own the page's marked content, decoration marked as artifacts, the
 * QR code a figure with alternative text, language, title shown, and XMP metadata claiming PDF/UA-1.
 */
class CertificateTaggingTest {

    private static final String LINK = "https://learning.example.org/verify/7K3M9QXR2T4V6W8Y0ZAB";

    private static IssuedCertificate certificate(String learner, boolean revoked) {
        return new IssuedCertificate("7K3M9QXR2T4V6W8Y0ZAB", learner, "Neuroscience and Compassion", 3, LocalDate.of(2026, 3, 4),
                1.5, "Example Hospital Education Department", "Example only: approved for 1.5 contact hours.",
                "education@hospital.example", Instant.parse("2026-03-04T10:15:30Z"),
                revoked ? Instant.parse("2026-05-06T09:00:00Z") : null, revoked ? "Issued to the wrong account" : null,
                LocalDate.of(2028, 12, 8));
    }

    private static PDDocument load(IssuedCertificate certificate) throws IOException {
        return Loader.loadPDF(CertificatePdf.render(certificate, LINK, PaperSize.A4));
    }

    private static List<PDStructureElement> elements(PDDocument document) {
        PDStructureTreeRoot tree = document.getDocumentCatalog().getStructureTreeRoot();
        assertThat(tree.getKids()).as("one Document element at the root").hasSize(1);
        PDStructureElement root = (PDStructureElement) tree.getKids().getFirst();
        assertThat(root.getStructureType()).isEqualTo("Document");
        return root.getKids().stream().map(PDStructureElement.class::cast).toList();
    }

    /** The page's marked content with an MCID, by MCID. */
    private static Map<Integer, PDMarkedContent> markedContent(PDPage page) throws IOException {
        PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
        extractor.processPage(page);
        Map<Integer, PDMarkedContent> byId = new HashMap<>();
        for (PDMarkedContent content : extractor.getMarkedContents()) {
            if (content.getMCID() >= 0) {
                byId.put(content.getMCID(), content);
            }
        }
        return byId;
    }

    private static String text(PDMarkedContent content) {
        StringBuilder text = new StringBuilder();
        for (Object part : content.getContents()) {
            if (part instanceof TextPosition glyph) {
                text.append(glyph.getUnicode());
            }
        }
        return text.toString();
    }

    /** The text each element owns on the page, through its MCIDs. */
    private static String text(PDStructureElement element, Map<Integer, PDMarkedContent> page) {
        StringBuilder text = new StringBuilder();
        for (Object kid : element.getKids()) {
            assertThat(kid).as(element.getStructureType() + " kid is an MCID").isInstanceOf(Integer.class);
            text.append(text(page.get((Integer) kid)));
        }
        return text.toString();
    }

    @Test
    void theStructureTreeReadsTheCertificateInOrderWithAHeadingParagraphsAndTheQrCodeAsAFigure() throws IOException {
        try (PDDocument document = load(certificate("Zoë O'Brien-Núñez", false))) {
            List<PDStructureElement> elements = elements(document);
            assertThat(elements).extracting(PDStructureElement::getStructureType)
                    .containsExactly("H1", "P", "P", "P", "P", "P", "P", "P", "P", "P", "P", "P", "Figure", "P", "P", "P");
            Map<Integer, PDMarkedContent> page = markedContent(document.getPage(0));
            List<String> texts = new ArrayList<>();
            for (PDStructureElement element : elements) {
                texts.add(text(element, page));
            }
            assertThat(texts).startsWith("Certificate of Completion", "This certifies that", "Zoë O'Brien-Núñez",
                    "completed the course", "Neuroscience and Compassion", "Course version 3", "on 4 March 2026",
                    "Valid until 8 December 2028", "Continuing education hours: 1.5");
            assertThat(texts).endsWith("", "Verification code: 7K3M-9QXR-2T4V-6W8Y-0ZAB",
                    "Check this certificate at:" + LINK, "Issued 4 March 2026");

            PDStructureElement figure = elements.get(12);
            assertThat(figure.getAlternateDescription()).isEqualTo("QR code of the verification link " + LINK);
            PDLayoutAttributeObject layout = (PDLayoutAttributeObject) figure.getAttributes().getObject(0);
            assertThat(layout.getBBox().getWidth()).isEqualTo(96);
            assertThat(page.get((Integer) figure.getKids().getFirst()).getTag()).isEqualTo("Figure");
        }
    }

    @Test
    void everyMarkedContentIdLeadsBackToItsElementThroughTheParentTree() throws IOException {
        try (PDDocument document = load(certificate("Sam Patel", false))) {
            PDPage page = document.getPage(0);
            PDStructureTreeRoot tree = document.getDocumentCatalog().getStructureTreeRoot();
            assertThat(page.getStructParents()).isZero();
            assertThat(tree.getParentTreeNextKey()).isEqualTo(1);
            COSArray parents = ((PDParentTreeValue) tree.getParentTree().getValue(0)).getCOSObject() instanceof COSArray array
                    ? array : new COSArray();
            List<PDStructureElement> elements = elements(document);
            Map<Integer, PDMarkedContent> marked = markedContent(page);
            assertThat(marked).hasSize(parents.size());
            for (PDStructureElement element : elements) {
                int id = (Integer) element.getKids().getFirst();
                assertThat(marked).containsKey(id);
                assertThat(parents.getObject(id)).as("MCID " + id).isSameAs(element.getCOSObject());
            }
        }
    }

    @Test
    void nothingIsDrawnOutsideTaggedContentOrAnArtifact() throws IOException {
        try (PDDocument document = load(certificate("Sam Patel", true))) {
            PDFStreamParser parser = new PDFStreamParser(document.getPage(0));
            Set<String> drawing = Set.of("Tj", "TJ", "'", "\"", "f", "F", "f*", "S", "s", "B", "b", "Do");
            int depth = 0;
            int drawn = 0;
            List<String> untagged = new ArrayList<>();
            List<COSBase> artifacts = new ArrayList<>();
            List<Object> operands = new ArrayList<>();
            for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                if (!(token instanceof Operator operator)) {
                    operands.add(token);
                    continue;
                }
                switch (operator.getName()) {
                    case "BDC", "BMC" -> {
                        depth++;
                        if (operands.getFirst() == COSName.ARTIFACT) {
                            artifacts.add(operands.size() > 1 ? (COSBase) operands.get(1) : null);
                        }
                    }
                    case "EMC" -> depth--;
                    default -> {
                        if (drawing.contains(operator.getName())) {
                            drawn++;
                            if (depth == 0) {
                                untagged.add(operator.getName());
                            }
                        }
                    }
                }
                operands.clear();
            }
            assertThat(drawn).isPositive();
            assertThat(untagged).as("drawing operators outside marked content").isEmpty();
            assertThat(artifacts).as("the border and the REVOKED watermark").hasSize(2);
            // the revoked line is read first, though it is drawn above the title
            assertThat(elements(document).getFirst().getStructureType()).isEqualTo("P");
            assertThat(text(elements(document).getFirst(), markedContent(document.getPage(0))))
                    .isEqualTo("REVOKED on 6 May 2026: Issued to the wrong account");
        }
    }

    @Test
    void theDocumentIsMarkedTaggedInEnglishShowsItsTitleAndClaimsPdfUaInItsMetadata() throws IOException {
        try (PDDocument document = load(certificate("Zoë O'Brien-Núñez", false))) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("en");
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(document.getPage(0).getCOSObject().getNameAsString(COSName.getPDFName("Tabs"))).isEqualTo("S");
            String xmp = new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfuaid:part>1</pdfuaid:part>",
                    "<rdf:li xml:lang=\"x-default\">" + document.getDocumentInformation().getTitle() + "</rdf:li>");
            assertThat(document.getDocumentInformation().getTitle()).contains("Zoë O'Brien-Núñez");
        }
    }

    @Test
    void everyFontOfTheCertificateIsEmbedded() throws IOException {
        for (String learner : List.of("Zoë O'Brien-Núñez", "Ahmed أحمد علي", "王小明 김민준")) {
            try (PDDocument document = load(certificate(learner, true))) {
                var resources = document.getPage(0).getResources();
                List<String> fonts = new ArrayList<>();
                for (COSName font : resources.getFontNames()) {
                    assertThat(resources.getFont(font).isEmbedded()).as(resources.getFont(font).getName()).isTrue();
                    fonts.add(resources.getFont(font).getName());
                }
                assertThat(fonts).as(learner).isNotEmpty();
            }
        }
    }

    @Test
    void aNameDrawnRightToLeftCarriesTheNameAsWrittenForScreenReadersAndCopying() throws IOException {
        String learner = "Ahmed أحمد علي";
        try (PDDocument document = load(certificate(learner, false))) {
            PDStructureElement name = elements(document).get(2);
            assertThat(name.getActualText()).isEqualTo(learner);
            PDMarkedContent drawn = markedContent(document.getPage(0)).get((Integer) name.getKids().getFirst());
            assertThat(drawn.getActualText()).as("the marked content's /ActualText").isEqualTo(learner);
            assertThat(text(drawn)).as("the glyphs themselves are the shaped letters in visual order").isNotEqualTo(learner);
            assertThat(elements(document).get(1).getActualText()).as("a left-to-right line needs none").isNull();
        }
    }
}

package org.compassioncourse.completion;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.compassioncourse.account.AccountService;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CertificatePdfTest {

    private static final IssuedCertificate CE = new IssuedCertificate("7K3M9QXR2T4V6W8Y0ZAB", "Zoë O'Brien-Núñez",
            "Neuroscience and Compassion", 3, LocalDate.of(2026, 3, 4), 1.5, "Example Hospital Education Department",
            "Example only: approved for 1.5 contact hours by an example accrediting body.", "education@hospital.example",
            Instant.parse("2026-03-04T10:15:30Z"), null, null);

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void aContinuingEducationCertificateShowsEveryFieldOfItsIssueRecord() throws IOException {
        String link = "https://learning.example.org/verify/" + CE.code();
        byte[] pdf = CertificatePdf.render(CE, link, PaperSize.A4);
        String text = text(pdf);
        assertThat(text).contains("Certificate of Completion", "Zoë O'Brien-Núñez", "Neuroscience and Compassion",
                "Course version 3", "on 4 March 2026", "Continuing education hours: 1.5",
                "Provider: Example Hospital Education Department",
                "Example only: approved for 1.5 contact hours by an example accrediting body.",
                "Contact: education@hospital.example", "Verification code: 7K3M-9QXR-2T4V-6W8Y-0ZAB", link);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(document.getDocumentInformation().getTitle()).contains("Neuroscience and Compassion", "Zoë O'Brien-Núñez");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
        }
    }

    @Test
    void aValidCertificateCarriesNoRevokedMarkButARevokedOneSaysRevokedWithDateAndReason() throws IOException {
        String link = "http://localhost:8080/verify/" + CE.code();
        assertThat(text(CertificatePdf.render(CE, link, PaperSize.A4))).doesNotContain("REVOKED");
        IssuedCertificate revoked = new IssuedCertificate(CE.code(), CE.learnerName(), CE.courseTitle(), 3, CE.completedOn(),
                null, null, null, null, CE.issuedAt(), Instant.parse("2026-05-06T09:00:00Z"), "Issued to the wrong account");
        String text = text(CertificatePdf.render(revoked, link, PaperSize.A4));
        assertThat(text).contains("REVOKED on 6 May 2026: Issued to the wrong account", "Zoë O'Brien-Núñez");
        // the text extractor breaks the slanted mark into pieces ("RE VO KE D")
        assertThat(text.replace(" ", "").split("REVOKED", -1)).as("the line above the title and the mark across the page").hasSize(3);
    }

    @Test
    void aPlainCertificateOfCompletionCarriesNoContinuingEducationWording() throws IOException {
        IssuedCertificate plain = new IssuedCertificate(CE.code(), "Sam Patel", "Neuroscience and Compassion", 3,
                LocalDate.of(2026, 3, 4), null, null, null, null, CE.issuedAt(), null, null);
        byte[] pdf = CertificatePdf.render(plain, "http://localhost:8080/verify/" + plain.code(), PaperSize.LETTER);
        String text = text(pdf);
        assertThat(text).contains("Certificate of Completion", "Sam Patel", "on 4 March 2026", "not a continuing-education certificate");
        assertThat(text).doesNotContain("Continuing education hours", "Provider:", "approved", "Contact:");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.LETTER.getWidth());
        }
    }

    @Test
    void theSameIssueRecordAlwaysGivesTheSameText() throws IOException {
        String link = "http://localhost:8080/verify/" + CE.code();
        assertThat(text(CertificatePdf.render(CE, link, PaperSize.A4))).isEqualTo(text(CertificatePdf.render(CE, link, PaperSize.A4)));
    }

    @Test
    void namesInPolishGreekAndCyrillicPrintAsWrittenInAnEmbeddedFont() throws IOException {
        for (String learner : List.of("Łukasz Żółć", "Ελένη Παπαδοπούλου", "Олена Коваленко", "Nguyễn Thị Hằng")) {
            IssuedCertificate named = new IssuedCertificate(CE.code(), learner, CE.courseTitle(), 3, CE.completedOn(), null,
                    null, null, null, CE.issuedAt(), null, null);
            byte[] pdf = CertificatePdf.render(named, "http://x/verify/" + CE.code(), PaperSize.A4);
            assertThat(text(pdf)).as(learner).contains(learner);
        }
    }

    @Test
    void chineseAndJapaneseNamesPrintAsWrittenNotAsQuestionMarks() throws IOException {
        for (String learner : List.of("王小明", "Łukasz 王", "山田 花子", "やまだ ハナコ", "李娜 (Li Na)")) {
            IssuedCertificate named = new IssuedCertificate(CE.code(), learner, CE.courseTitle(), 3, CE.completedOn(), null,
                    null, null, null, CE.issuedAt(), null, null);
            String text = text(CertificatePdf.render(named, "http://x/verify/" + CE.code(), PaperSize.A4));
            assertThat(text).as(learner).contains("This certifies that " + learner + " completed the course").doesNotContain("?");
            assertThat(CertificatePdf.unprintable(learner)).as(learner).isEmpty();
        }
    }

    @Test
    void aScriptNoFontHasIsNamedBeforehandAndBecomesAQuestionMarkInsteadOfBreakingThePdf() throws IOException {
        // Devanagari: no font of the certificate has it
        String name = "Łukasz राम";
        assertThat(CertificatePdf.unprintable(name)).as("the learner is told which characters will not print")
                .containsExactly("र", "ा", "म");
        IssuedCertificate named = new IssuedCertificate(CE.code(), name, CE.courseTitle(), 3, CE.completedOn(), null,
                null, null, null, CE.issuedAt(), null, null);
        assertThat(text(CertificatePdf.render(named, "http://x/verify/" + CE.code(), PaperSize.A4))).contains("Łukasz ???");
        assertThat(CertificatePdf.unprintable("Zoë O'Brien-Núñez")).isEmpty();
    }

    @Test
    void aCertificateOfACompletionThatExpiresSaysUntilWhenAndOneThatDoesNotSaysNothingOfIt() throws IOException {
        String link = "http://localhost:8080/verify/" + CE.code();
        IssuedCertificate expiring = new IssuedCertificate(CE.code(), CE.learnerName(), CE.courseTitle(), 3, CE.completedOn(),
                null, null, null, null, CE.issuedAt(), null, null, LocalDate.of(2028, 12, 8));
        assertThat(text(CertificatePdf.render(expiring, link, PaperSize.A4)))
                .contains("on 4 March 2026 Valid until 8 December 2028 This certificate records completion");
        assertThat(text(CertificatePdf.render(CE, link, PaperSize.A4))).doesNotContain("Valid until", "valid until");
    }

    @Test
    void theLongestNameAnAccountMayHavePrintsWholeInsideTheBorderOnEveryPaperSize() throws IOException {
        String fiftyEight = "Maria Fernanda de los Ángeles Guadalupe Rivera Villanueva";
        String eighty = "Maximiliana Josefina Wilhelmina Alexandra Konstantinopoulou-Hartmannsweilerkopfe";
        String eightyNoSpace = "W".repeat(AccountService.MAX_DISPLAY_NAME);
        assertThat(eighty).hasSize(AccountService.MAX_DISPLAY_NAME);
        for (String learner : List.of(fiftyEight, eighty, eightyNoSpace)) {
            for (PaperSize paper : PaperSize.values()) {
                IssuedCertificate named = new IssuedCertificate(CE.code(), learner, CE.courseTitle(), 3, CE.completedOn(), null,
                        null, null, null, CE.issuedAt(), null, null);
                byte[] pdf = CertificatePdf.render(named, "http://x/verify/" + CE.code(), paper);
                assertThat(text(pdf).replace(" ", "")).as(learner + " on " + paper).contains(learner.replace(" ", ""));
                try (PDDocument document = Loader.loadPDF(pdf)) {
                    float pageWidth = document.getPage(0).getMediaBox().getWidth();
                    List<float[]> outside = new java.util.ArrayList<>();
                    PDFTextStripper glyphs = new PDFTextStripper() {
                        @Override
                        protected void writeString(String line, List<org.apache.pdfbox.text.TextPosition> positions) {
                            for (var glyph : positions) {
                                // the border is drawn half a margin (32 pt) in from the paper's edge
                                if (glyph.getXDirAdj() < 32 || glyph.getXDirAdj() + glyph.getWidthDirAdj() > pageWidth - 32) {
                                    outside.add(new float[]{glyph.getXDirAdj(), glyph.getWidthDirAdj()});
                                }
                            }
                        }
                    };
                    glyphs.getText(document);
                    assertThat(outside).as(learner + " on " + paper + ": glyphs outside the border").isEmpty();
                }
            }
        }
    }
}

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
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
    static final float MARGIN = 64;
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
                CertificateFonts fonts = new CertificateFonts(document);
                CertificateLines writer = new CertificateLines(fonts, out, size.getWidth(), size.getHeight() - MARGIN - 30);
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
                CertificateLines footer = new CertificateLines(fonts, out, size.getWidth(), qrTop - 14);
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
    private static void revokedMark(CertificateFonts fonts, PDPageContentStream out, PDRectangle size, IssuedCertificate certificate,
                                    PDFont bold) throws IOException {
        out.setNonStrokingColor(new java.awt.Color(176, 0, 32));
        CertificateLines top = new CertificateLines(fonts, out, size.getWidth(), size.getHeight() - MARGIN / 2 - 4);
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

    /**
     * The characters of a text (e.g. a learner's name) that no font of the certificate can show, even without their
     * accents: they would print as '?'. Empty when all of it prints.
     */
    static List<String> unprintable(String text) {
        return CertificateFonts.unprintable(text);
    }

    private static String shortened(@Nullable String text, int max) {
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

}

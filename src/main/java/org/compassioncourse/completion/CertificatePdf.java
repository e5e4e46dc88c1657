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
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
    private static final java.awt.Color REVOKED_RED = new java.awt.Color(176, 0, 32);

    private CertificatePdf() {
    }

    static byte[] render(IssuedCertificate certificate, String verificationLink, PaperSize paper) {
        try (PDDocument document = new PDDocument()) {
            PDRectangle size = paper == PaperSize.A4 ? PDRectangle.A4 : PDRectangle.LETTER;
            PDPage page = new PDPage(size);
            document.addPage(page);
            describe(document, certificate);
            CertificateTags tags = new CertificateTags(document, page);
            CertificateFonts fonts = new CertificateFonts(document);
            PDFont regular = fonts.regular();
            PDFont bold = fonts.bold();
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                CertificateLines writer = new CertificateLines(fonts, out, size.getWidth(), size.getHeight() - MARGIN - 30);
                tags.artifact("Layout", null, out, () -> border(out, size));
                if (certificate.revoked()) {
                    revokedLine(fonts, tags, out, size, certificate, bold); // read first, though drawn at the top
                }
                tags.text(StandardStructureTypes.H1, null, out, () -> writer.centred(bold, 26, "Certificate of Completion"));
                writer.space(22);
                paragraph(tags, out, () -> writer.centred(regular, 13, "This certifies that"), "This certifies that");
                writer.space(8);
                String name = certificate.learnerName();
                paragraph(tags, out, () -> writer.fitted(bold, 22, NAME_MIN_SIZE, name), name);
                writer.space(8);
                paragraph(tags, out, () -> writer.centred(regular, 13, "completed the course"), "completed the course");
                writer.space(6);
                paragraph(tags, out, () -> writer.wrapped(bold, 17, certificate.courseTitle(), true), certificate.courseTitle());
                String version = "Course version " + certificate.courseVersion();
                paragraph(tags, out, () -> writer.centred(regular, 11, version), version);
                writer.space(8);
                String on = "on " + DATE.format(certificate.completedOn());
                paragraph(tags, out, () -> writer.centred(regular, 13, on), on);
                LocalDate validUntil = certificate.validUntil();
                if (validUntil != null) {
                    writer.space(4);
                    String valid = "Valid until " + DATE.format(validUntil);
                    paragraph(tags, out, () -> writer.centred(bold, 13, valid), valid);
                }
                writer.space(20);
                if (certificate.continuingEducation()) {
                    String hours = "Continuing education hours: " + hours(certificate.ceHours());
                    paragraph(tags, out, () -> writer.centred(bold, 13, hours), hours);
                    writer.space(6);
                    String provider = "Provider: " + certificate.provider();
                    paragraph(tags, out, () -> writer.centred(regular, 12, provider), provider);
                    writer.space(6);
                    String accreditation = String.valueOf(certificate.accreditation());
                    paragraph(tags, out, () -> writer.wrapped(regular, 11, accreditation, true), accreditation);
                    writer.space(4);
                    String contact = "Contact: " + certificate.contact();
                    paragraph(tags, out, () -> writer.centred(regular, 11, contact), contact);
                } else {
                    String plain = "This certificate records completion of the course. It is not a "
                            + "continuing-education certificate and states no accreditation.";
                    paragraph(tags, out, () -> writer.wrapped(regular, 11, plain, true), plain);
                }
                float qrSize = 96;
                float qrTop = MARGIN + 24 + qrSize;
                tags.figure("QR code of the verification link " + verificationLink,
                        new PDRectangle(MARGIN + 8, MARGIN + 24, qrSize, qrSize), out,
                        () -> qr(out, verificationLink, MARGIN + 8, MARGIN + 24, qrSize));
                CertificateLines footer = new CertificateLines(fonts, out, size.getWidth(), qrTop - 14);
                float footerX = MARGIN + qrSize + 24;
                String code = "Verification code: " + certificate.displayCode();
                paragraph(tags, out, () -> footer.left(regular, 10, footerX, code), code);
                paragraph(tags, out, () -> {
                    footer.left(regular, 10, footerX, "Check this certificate at:");
                    footer.left(regular, 9, footerX, verificationLink);
                }, "Check this certificate at: " + verificationLink);
                String issued = "Issued " + DATE.format(certificate.issuedAt().atZone(ZoneOffset.UTC));
                paragraph(tags, out, () -> footer.left(regular, 9, footerX, issued), issued);
                if (certificate.revoked()) {
                    tags.artifact("Pagination", "Watermark", out, () -> revokedWatermark(out, size, bold));
                }
            }
            tags.finish();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A paragraph of the structure tree; when its text is drawn shaped or reordered (right-to-left script), the text
     * as written goes with it as /ActualText, so copying and screen readers get the real words.
     */
    private static void paragraph(CertificateTags tags, PDPageContentStream out, CertificateTags.Drawing drawing, String text)
            throws IOException {
        tags.text(StandardStructureTypes.P, CertificateFonts.drawnOtherwise(text) ? text : null, out, drawing);
    }

    static String hours(Double hours) {
        return hours == Math.rint(hours) ? String.valueOf(hours.longValue()) : String.valueOf(hours);
    }

    /** Title, language and dates, so screen readers and file listings name the document; fixed dates keep it reproducible. */
    private static void describe(PDDocument document, IssuedCertificate certificate) {
        PDDocumentInformation info = document.getDocumentInformation();
        String title = "Certificate of Completion: " + certificate.courseTitle() + " — " + certificate.learnerName();
        info.setTitle(title);
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
        PDMetadata metadata = new PDMetadata(document);
        try {
            metadata.importXMPMetadata(xmp(title, DateTimeFormatter.ISO_INSTANT.format(certificate.issuedAt()))
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        document.getDocumentCatalog().setMetadata(metadata);
    }

    /** XMP metadata: the title as Dublin Core (what PDF/UA asks for) and the claim to follow PDF/UA-1. */
    static String xmp(String title, String issued) {
        String escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
                      xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
                   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                   <dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>
                   <xmp:CreatorTool>Compassion Course</xmp:CreatorTool>
                   <xmp:CreateDate>%s</xmp:CreateDate>
                   <xmp:ModifyDate>%s</xmp:ModifyDate>
                   <pdfuaid:part>1</pdfuaid:part>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(escaped, issued, issued);
    }

    private static void border(PDPageContentStream out, PDRectangle size) throws IOException {
        out.setLineWidth(2);
        out.addRect(MARGIN / 2, MARGIN / 2, size.getWidth() - MARGIN, size.getHeight() - MARGIN);
        out.stroke();
    }

    /**
     * A revoked certificate (only its instructor can still download it) is marked so no copy passes for a valid one:
     * the date and reason above the title (read first) and "REVOKED" across the page (decoration: the line says it).
     */
    private static void revokedLine(CertificateFonts fonts, CertificateTags tags, PDPageContentStream out, PDRectangle size,
                                    IssuedCertificate certificate, PDFont bold) throws IOException {
        String line = "REVOKED on " + DATE.format(certificate.revokedAt().atZone(ZoneOffset.UTC)) + ": "
                + shortened(certificate.revokedReason(), 80);
        out.saveGraphicsState();
        out.setNonStrokingColor(REVOKED_RED);
        CertificateLines top = new CertificateLines(fonts, out, size.getWidth(), size.getHeight() - MARGIN / 2 - 4);
        paragraph(tags, out, () -> top.centred(bold, 12, line), line);
        out.restoreGraphicsState();
    }

    private static void revokedWatermark(PDPageContentStream out, PDRectangle size, PDFont bold) throws IOException {
        PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
        faint.setNonStrokingAlphaConstant(0.3f);
        out.saveGraphicsState();
        out.setNonStrokingColor(REVOKED_RED);
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

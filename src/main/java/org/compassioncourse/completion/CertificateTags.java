package org.compassioncourse.completion;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDLayoutAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.util.Map;

/**
 * The structure tree of a one-page certificate (tagged PDF): one Document element whose children (H1, P, Figure) are
 * in reading order, each tied to its marked content on the page by an MCID; decoration is marked as an artifact. Screen
 * readers and text extraction follow this tree, not the order things are drawn in.
 */
final class CertificateTags {

    /** Drawing that belongs to one element of the tree. */
    interface Drawing {
        void draw() throws IOException;
    }

    private final PDPage page;
    private final PDStructureTreeRoot tree = new PDStructureTreeRoot();
    private final PDStructureElement document;
    /** The element each MCID belongs to, in MCID order: the page's entry in the parent tree. */
    private final COSArray byMarkedContentId = new COSArray();

    CertificateTags(PDDocument pdf, PDPage page) {
        this.page = page;
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        catalog.setStructureTreeRoot(tree);
        PDMarkInfo marked = new PDMarkInfo();
        marked.setMarked(true);
        catalog.setMarkInfo(marked);
        document = new PDStructureElement(StandardStructureTypes.DOCUMENT, tree);
        document.setPage(page);
        tree.appendKid(document);
        page.setStructParents(0);
        page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S"); // tab order follows the structure
    }

    /**
     * Draws one element of the text (a heading, a paragraph) inside its marked content. {@code actualText} is what
     * the drawn glyphs say when they are not the text itself (right-to-left text drawn shaped and in visual order):
     * extraction and screen readers read it instead of the glyphs.
     */
    PDStructureElement text(String type, @Nullable String actualText, PDPageContentStream out, Drawing drawing)
            throws IOException {
        PDStructureElement element = element(type);
        if (actualText != null) {
            element.setActualText(actualText);
        }
        marked(element, type, actualText, out, drawing);
        return element;
    }

    /** A figure: its alternative text says what it is for, its box where it is (both required of a tagged figure). */
    void figure(String alternativeText, PDRectangle box, PDPageContentStream out, Drawing drawing) throws IOException {
        PDStructureElement figure = element(StandardStructureTypes.Figure);
        figure.setAlternateDescription(alternativeText);
        PDLayoutAttributeObject layout = new PDLayoutAttributeObject();
        layout.setBBox(box);
        layout.setPlacement(PDLayoutAttributeObject.PLACEMENT_BLOCK);
        figure.addAttribute(layout);
        marked(figure, StandardStructureTypes.Figure, null, out, drawing);
    }

    /** Decoration (border, watermark) that readers skip: outside the tree, marked as an artifact of the given type. */
    void artifact(String type, @Nullable String subtype, PDPageContentStream out, Drawing drawing) throws IOException {
        COSDictionary properties = new COSDictionary();
        properties.setName(COSName.TYPE, type);
        if (subtype != null) {
            properties.setName(COSName.SUBTYPE, subtype);
        }
        out.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(properties));
        drawing.draw();
        out.endMarkedContent();
    }

    /** Writes the parent tree (from the page's marked content back to the elements); call once all is drawn. */
    void finish() {
        PDNumberTreeNode parents = new PDNumberTreeNode(PDParentTreeValue.class);
        parents.setNumbers(Map.of(0, new PDParentTreeValue(byMarkedContentId)));
        tree.setParentTree(parents);
        tree.setParentTreeNextKey(1);
    }

    private PDStructureElement element(String type) {
        PDStructureElement element = new PDStructureElement(type, document);
        element.setPage(page);
        document.appendKid(element);
        return element;
    }

    private void marked(PDStructureElement element, String tag, @Nullable String actualText, PDPageContentStream out,
                        Drawing drawing) throws IOException {
        int id = byMarkedContentId.size();
        COSDictionary properties = new COSDictionary();
        properties.setInt(COSName.MCID, id);
        if (actualText != null) {
            properties.setString(COSName.ACTUAL_TEXT, actualText);
        }
        out.beginMarkedContent(COSName.getPDFName(tag), PDPropertyList.create(properties));
        drawing.draw();
        out.endMarkedContent();
        element.appendKid(id);
        byMarkedContentId.add(element);
    }
}

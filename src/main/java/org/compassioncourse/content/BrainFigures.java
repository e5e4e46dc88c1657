package org.compassioncourse.content;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Brain figures: checks an SVG file when content loads (well-formed, no scripts or outside references, every
 * region element known and labelled) and renders figures inline with chosen regions highlighted.
 */
public final class BrainFigures {

    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "image", "use", "a");

    private BrainFigures() {
    }

    /** Reads and checks one figure; problems go to the list. Returns null when the file is unusable. */
    static @Nullable Figure read(String file, String figureId, String text, Collection<String> knownRegions, List<ContentProblem> problems) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new org.xml.sax.InputSource(new StringReader(text)));
        } catch (SAXParseException malformed) {
            problems.add(new ContentProblem(file, malformed.getLineNumber(), "not well-formed SVG: " + malformed.getMessage()));
            return null;
        } catch (Exception unreadable) {
            problems.add(new ContentProblem(file, 0, "unreadable SVG: " + unreadable.getMessage()));
            return null;
        }
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getTagName())) {
            problems.add(new ContentProblem(file, 1, "the root element must be <svg>"));
            return null;
        }
        List<String> regionIds = new ArrayList<>();
        int before = problems.size();
        check(root, file, text, knownRegions, regionIds, problems);
        if (problems.size() > before) {
            return null;
        }
        for (Element region : regionElements(root)) {
            String id = region.getAttribute("id");
            region.setAttribute("class", "region region--" + id);
            region.setAttribute("data-region", id);
            region.setAttribute("id", figureId + "--" + id);
        }
        root.removeAttribute("width");
        root.removeAttribute("height");
        String title = firstChildText(root, "title");
        return new Figure(figureId, title.isEmpty() ? figureId : title, serialize(document), List.copyOf(regionIds));
    }

    private static void check(Element element, String file, String text, Collection<String> knownRegions,
                              List<String> regionIds, List<ContentProblem> problems) {
        String tag = element.getTagName().toLowerCase(Locale.ROOT);
        if (FORBIDDEN_ELEMENTS.contains(tag)) {
            problems.add(new ContentProblem(file, lineOf(text, "<" + element.getTagName()), "<" + element.getTagName() + "> is not allowed in figures"));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            String name = attribute.getNodeName().toLowerCase(Locale.ROOT);
            String value = attribute.getNodeValue().strip().toLowerCase(Locale.ROOT);
            if (name.startsWith("on") || name.equals("style") && value.contains("url(")
                    || (name.endsWith("href") && !value.startsWith("#")) || value.startsWith("javascript:")) {
                problems.add(new ContentProblem(file, lineOf(text, attribute.getNodeName() + "="),
                        "attribute " + attribute.getNodeName() + " is not allowed in figures (no scripts or outside references)"));
            }
        }
        if (isRegion(element)) {
            String id = element.getAttribute("id");
            int line = lineOf(text, "id=\"" + id + "\"");
            if (id.isEmpty()) {
                problems.add(new ContentProblem(file, lineOf(text, "class=\"region\""), "a region element has no id"));
            } else if (!knownRegions.contains(id)) {
                problems.add(new ContentProblem(file, line, "region '" + id + "' is not listed in regions.yaml"));
            } else if (regionIds.contains(id)) {
                problems.add(new ContentProblem(file, line, "region '" + id + "' is drawn twice in this figure"));
            } else {
                regionIds.add(id);
            }
            if (element.getAttribute("aria-label").isBlank()) {
                problems.add(new ContentProblem(file, line, "region '" + id + "' needs an aria-label naming it"));
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                check(child, file, text, knownRegions, regionIds, problems);
            }
        }
    }

    private static boolean isRegion(Element element) {
        return List.of(element.getAttribute("class").split("\\s+")).contains("region");
    }

    private static List<Element> regionElements(Element root) {
        List<Element> result = new ArrayList<>();
        collect(root, result);
        return result;
    }

    private static void collect(Element element, List<Element> result) {
        if (isRegion(element)) {
            result.add(element);
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                collect(child, result);
            }
        }
    }

    private static String firstChildText(Element root, String tag) {
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && tag.equals(child.getTagName())) {
                return child.getTextContent().strip();
            }
        }
        return "";
    }

    /** Line of the first occurrence of a snippet in the text, for messages (1 when not found). */
    private static int lineOf(String text, String snippet) {
        int at = text.indexOf(snippet);
        if (at < 0) {
            return 1;
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String serialize(Document document) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception impossible) {
            throw new IllegalStateException("Could not write an SVG that was just read", impossible);
        }
    }

    /**
     * The figure's markup for inlining in a page, with the given regions highlighted (a CSS class that adds
     * a hatch and a thick outline, so colour is not the only signal).
     */
    public static String inline(Figure figure, Collection<String> highlightedRegions) {
        String svg = figure.svg();
        for (String region : highlightedRegions) {
            svg = svg.replace("class=\"region region--" + region + "\"", "class=\"region region--" + region + " highlighted\"");
        }
        return svg;
    }
}

package org.compassioncourse.content;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Markdown body of a lesson: split into `##` sections, checked for links the course cannot resolve,
 * and rendered to safe HTML (raw HTML is escaped, only our link kinds and web links become links).
 */
final class LessonMarkdown {

    /** A link in a lesson body, with the file line it stands on. */
    record CourseLink(String scheme, String target, String fragment, String destination, int line) {
    }

    /** A section before rendering: its heading and the nodes under it. */
    record RawSection(String id, String title, int line, List<Node> nodes) {
    }

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    final List<Node> intro = new ArrayList<>();
    final List<RawSection> sections = new ArrayList<>();
    final List<CourseLink> links = new ArrayList<>();

    private final String file;
    private final int firstBodyLine;
    private final List<ContentProblem> problems;

    private LessonMarkdown(String file, int firstBodyLine, List<ContentProblem> problems) {
        this.file = file;
        this.firstBodyLine = firstBodyLine;
        this.problems = problems;
    }

    /**
     * @param firstBodyLine the file line on which the body starts (after the header's closing ---)
     */
    static LessonMarkdown parse(String file, String body, int firstBodyLine, List<ContentProblem> problems) {
        LessonMarkdown lesson = new LessonMarkdown(file, firstBodyLine, problems);
        Document document = (Document) PARSER.parse(body);
        lesson.split(document);
        document.accept(lesson.new Checker());
        return lesson;
    }

    /** The id of a section: its title in lower case, with anything not a letter or digit turned into '-'. */
    static String sectionId(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "section" : slug;
    }

    private int lineOf(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (!spans.isEmpty()) {
            return spans.getFirst().getLineIndex() + firstBodyLine;
        }
        return node.getParent() != null ? lineOf(node.getParent()) : firstBodyLine;
    }

    private void problem(Node node, String message) {
        problems.add(new ContentProblem(file, lineOf(node), message));
    }

    private void split(Document document) {
        Set<String> ids = new LinkedHashSet<>();
        RawSection current = null;
        Node node = document.getFirstChild();
        while (node != null) {
            Node next = node.getNext();
            if (node instanceof Heading heading && heading.getLevel() <= 2) {
                if (heading.getLevel() == 1) {
                    problem(heading, "use '## ' for section headings; the lesson title comes from the header's 'title'");
                }
                String title = plainText(heading).strip();
                String id = sectionId(title);
                if (!ids.add(id)) {
                    problem(heading, "two sections have the same id '" + id + "'; give them different titles");
                }
                current = new RawSection(id, title, lineOf(heading), new ArrayList<>());
                sections.add(current);
            } else if (current == null) {
                intro.add(node);
            } else {
                current.nodes().add(node);
            }
            node = next;
        }
    }

    static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }

    /** Collects links and reports what lessons may not contain. */
    private final class Checker extends AbstractVisitor {
        @Override
        public void visit(Link link) {
            String destination = link.getDestination();
            int colon = destination.indexOf(':');
            String scheme = colon > 0 ? destination.substring(0, colon).toLowerCase(Locale.ROOT) : "";
            String rest = colon > 0 ? destination.substring(colon + 1) : destination;
            int hash = rest.indexOf('#');
            String target = hash >= 0 ? rest.substring(0, hash) : rest;
            String fragment = hash >= 0 ? rest.substring(hash + 1) : "";
            switch (scheme) {
                case "glossary", "region", "ref", "lesson", "http", "https", "mailto" ->
                        links.add(new CourseLink(scheme, target, fragment, destination, lineOf(link)));
                default -> problem(link, "link '" + destination + "' is not one the course understands "
                        + "(use glossary:id, region:id, ref:id, lesson:id or an https:// address)");
            }
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            problem(image, "images are not supported in lessons; brain figures come from figures/ and the lesson's 'regions'");
        }

        @Override
        public void visit(HtmlInline html) {
            problem(html, "raw HTML is not allowed in lessons (it would be shown as text): " + html.getLiteral().strip());
        }

        @Override
        public void visit(HtmlBlock html) {
            problem(html, "raw HTML is not allowed in lessons (it would be shown as text)");
        }
    }

    /** Renders nodes to safe HTML, turning course links into glossary popovers, citations and router links. */
    static final class Renderer {
        private final Map<String, GlossaryTerm> glossary;
        private final String idPrefix;
        private int popovers;
        private final Set<String> cited = new LinkedHashSet<>();
        private final HtmlRenderer html;

        Renderer(Map<String, GlossaryTerm> glossary, String idPrefix) {
            this.glossary = glossary;
            this.idPrefix = idPrefix;
            this.html = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
                    .nodeRendererFactory(CourseLinkRenderer::new).build();
        }

        String render(List<Node> nodes) {
            StringBuilder out = new StringBuilder();
            for (Node node : nodes) {
                html.render(node, out);
            }
            return out.toString();
        }

        List<String> citedReferences() {
            List<String> result = List.copyOf(cited);
            cited.clear();
            return result;
        }

        private final class CourseLinkRenderer implements NodeRenderer {
            private final HtmlNodeRendererContext context;
            private final HtmlWriter out;

            CourseLinkRenderer(HtmlNodeRendererContext context) {
                this.context = context;
                this.out = context.getWriter();
            }

            @Override
            public Set<Class<? extends Node>> getNodeTypes() {
                return Set.of(Link.class);
            }

            @Override
            public void render(Node node) {
                Link link = (Link) node;
                String destination = link.getDestination();
                int colon = destination.indexOf(':');
                String scheme = colon > 0 ? destination.substring(0, colon).toLowerCase(Locale.ROOT) : "";
                String rest = colon > 0 ? destination.substring(colon + 1) : "";
                switch (scheme) {
                    case "glossary" -> glossaryTerm(link, rest);
                    case "region" -> element("a", attrs("class", "region-ref", "href", "glossary?region=" + rest), link);
                    case "ref" -> {
                        cited.add(rest);
                        element("a", attrs("class", "cite", "href", "#ref-" + rest), link);
                    }
                    case "lesson" -> {
                        int hash = rest.indexOf('#');
                        String href = hash >= 0 ? "lesson/" + rest.substring(0, hash) + "/" + rest.substring(hash + 1)
                                : "lesson/" + rest;
                        element("a", attrs("href", href), link);
                    }
                    case "http", "https", "mailto" ->
                            element("a", attrs("href", destination, "rel", "noopener noreferrer", "class", "external"), link);
                    default -> renderChildren(link);
                }
            }

            private void glossaryTerm(Link link, String termId) {
                GlossaryTerm term = glossary.get(termId);
                if (term == null) {
                    renderChildren(link);
                    return;
                }
                String popoverId = idPrefix + "-term-" + (++popovers);
                // the explanation opens next to its term (CSS anchor positioning, app.css); the name ties the two together
                String anchor = "--" + popoverId.replaceAll("[^A-Za-z0-9_-]", "_");
                out.tag("button", attrs("type", "button", "class", "term", "popovertarget", popoverId,
                        "aria-describedby", popoverId, "style", "anchor-name: " + anchor));
                renderChildren(link);
                out.tag("/button");
                out.tag("span", attrs("id", popoverId, "popover", "", "class", "term-popover", "role", "tooltip",
                        "style", "position-anchor: " + anchor));
                out.tag("strong");
                out.text(term.term());
                out.tag("/strong");
                out.text(": " + term.definition() + " ");
                out.tag("a", attrs("href", "glossary#term-" + term.id()));
                out.text("Glossary");
                out.tag("/a");
                out.tag("/span");
            }

            private void element(String name, Map<String, String> attributes, Node node) {
                out.tag(name, attributes);
                renderChildren(node);
                out.tag("/" + name);
            }

            private void renderChildren(Node parent) {
                Node child = parent.getFirstChild();
                while (child != null) {
                    Node next = child.getNext();
                    context.render(child);
                    child = next;
                }
            }
        }
    }

    private static Map<String, String> attrs(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}

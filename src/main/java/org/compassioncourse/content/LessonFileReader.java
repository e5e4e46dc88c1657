package org.compassioncourse.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads lessons/*.md: each lesson's YAML header between two '---' lines, then its Markdown body. What the lesson
 * points at (terms, regions, references, links) is checked against the rest of the content by {@link ContentCrossChecks}.
 */
final class LessonFileReader {

    private static final Set<String> LESSON_KEYS = Set.of("id", "title", "order", "minutes", "objectives", "terms", "regions", "references");

    /** A value from a lesson header, with its line in the lesson file. */
    record Located(String value, int line) {
    }

    /** A lesson as read, before its Markdown is rendered (which needs the glossary). */
    record ParsedLesson(String file, String id, int idLine, String title, int order, int orderLine, int minutes,
                        List<String> objectives, List<Located> terms, List<Located> regions,
                        List<Located> references, LessonMarkdown body) {

        Lesson render(Map<String, GlossaryTerm> glossary) {
            LessonMarkdown.Renderer renderer = new LessonMarkdown.Renderer(glossary, id);
            String intro = renderer.render(body.intro);
            // the introduction is shown above the first section, so its citations are that page's sources too
            List<String> citedInIntro = renderer.citedReferences();
            List<Section> sections = new ArrayList<>();
            for (LessonMarkdown.RawSection s : body.sections) {
                String html = renderer.render(s.nodes());
                LinkedHashSet<String> cited = new LinkedHashSet<>(sections.isEmpty() ? citedInIntro : List.of());
                cited.addAll(renderer.citedReferences());
                sections.add(new Section(s.id(), s.title(), html, List.copyOf(cited)));
            }
            return new Lesson(id, title, order, minutes, objectives, values(terms), values(regions), values(references),
                    intro, List.copyOf(sections), file);
        }

        private static List<String> values(List<Located> located) {
            return located.stream().map(Located::value).toList();
        }
    }

    private LessonFileReader() {
    }

    /** Every readable lesson with an id, in file-name order. */
    static List<ParsedLesson> read(ContentFiles files) {
        List<ParsedLesson> lessons = new ArrayList<>();
        List<Path> paths = files.filesIn("lessons", ".md");
        if (paths.isEmpty() && files.isFolder("lessons")) {
            files.problem("lessons/", 0, "the course has no lessons (lessons/*.md)");
        }
        for (Path path : paths) {
            String file = files.relative(path);
            files.read(file).ifPresent(text -> readLesson(file, text, files.problems()).ifPresent(lessons::add));
        }
        return lessons;
    }

    private static Optional<ParsedLesson> readLesson(String file, String text, List<ContentProblem> problems) {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            problems.add(new ContentProblem(file, 1, "a lesson must start with a YAML header between two '---' lines"));
            return Optional.empty();
        }
        int closing = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                closing = i;
                break;
            }
        }
        if (closing < 0) {
            problems.add(new ContentProblem(file, 1, "the YAML header is not closed with a '---' line"));
            return Optional.empty();
        }
        String headerText = String.join("\n", List.of(lines).subList(1, closing));
        String body = String.join("\n", List.of(lines).subList(closing + 1, lines.length));
        YamlDocument yaml = new YamlDocument(file, 1, problems);
        Optional<YamlDocument.Mapping> map = yaml.parse(headerText).flatMap(root -> yaml.mapping(root, "the lesson header"));
        LessonMarkdown markdown = LessonMarkdown.parse(file, body, closing + 2, problems);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        YamlDocument.Mapping header = map.get().allowOnly(LESSON_KEYS);
        String id = header.id();
        String title = header.string("title", true);
        Integer order = header.integer("order", 1, 1000);
        Integer minutes = header.integer("minutes", 1, 60);
        List<String> objectives = header.strings("objectives", true).stream().map(YamlDocument.LocatedValue::value).toList();
        List<Located> terms = located(header.strings("terms", false));
        List<Located> regions = located(header.strings("regions", false));
        List<Located> references = located(header.strings("references", false));
        if (markdown.sections.isEmpty()) {
            problems.add(new ContentProblem(file, closing + 2, "a lesson needs at least one '## ' section"));
        } else if (markdown.sections.stream().noneMatch(s -> s.title().equals(Section.IN_PRACTICE))) {
            problems.add(new ContentProblem(file, markdown.sections.getLast().line(),
                    "every lesson needs a section titled '## " + Section.IN_PRACTICE + "'"));
        }
        if (id == null) {
            return Optional.empty();
        }
        // Kept even when other fields are missing (already reported), so links to it are not reported too.
        return Optional.of(new ParsedLesson(file, id, yaml.fileLineOfKey(header, "id"), title == null ? id : title,
                order == null ? -1 : order, yaml.fileLineOfKey(header, "order"), minutes == null ? 0 : minutes,
                objectives, terms, regions, references, markdown));
    }

    /** Header lines are counted within the YAML; the header starts on the file's second line. */
    private static List<Located> located(List<YamlDocument.LocatedValue> values) {
        return values.stream().map(v -> new Located(v.value(), v.line() + 1)).toList();
    }
}

package org.compassioncourse.content;

import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a course-content folder into one immutable {@link Course}, or fails with every problem found, each
 * naming file and line. Nothing half-valid is ever returned.
 */
public final class CourseContentLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> COURSE_KEYS = Set.of("id", "title", "summary", "audience", "ceHours", "passMark", "version", "quizzes", "certificate", "review");
    private static final Set<String> REVIEW_KEYS = Set.of("desiredRetention", "sessionSize");
    private static final Set<String> CERTIFICATE_KEYS = Set.of("provider", "accreditation", "contact");
    private static final Set<String> EVALUATION_KEYS = Set.of("scale", "objectives", "items");
    private static final Set<String> EVALUATION_ITEM_KEYS = Set.of("id", "type", "text", "required");
    /** evaluation.yaml's objective template: one Likert item per lesson objective, with this placeholder replaced. */
    static final String OBJECTIVE_PLACEHOLDER = "{objective}";
    private static final Set<String> REFERENCE_KEYS = Set.of("id", "authors", "year", "title", "source", "url");
    private static final Set<String> GLOSSARY_KEYS = Set.of("id", "term", "definition", "region");
    private static final Set<String> REGION_KEYS = Set.of("id", "name", "description");
    private static final Set<String> LESSON_KEYS = Set.of("id", "title", "order", "minutes", "objectives", "terms", "regions", "references");

    /** Markdown and YAML files: the largest shipped file is under 50 KiB; ten times that is a mistake, not a lesson. */
    static final long MAX_TEXT_BYTES = 512 * 1024;
    /** SVG figures are inlined into lesson pages; the shipped ones are under 15 KiB. */
    static final long MAX_FIGURE_BYTES = 1024 * 1024;

    private final Path folder;
    private final List<ContentProblem> problems = new ArrayList<>();
    /** Files that could not be read at all: checks against their contents are skipped, to avoid cascades. */
    private final Set<String> unreadable = new java.util.HashSet<>();

    private CourseContentLoader(Path folder) {
        this.folder = folder;
    }

    /** Loads and validates the course in the folder. */
    public static Course load(Path folder) {
        return loadAll(folder).course();
    }

    /**
     * The course and what completing it involves (evaluation.yaml, course.yaml's certificate block), checked together,
     * with what the item-writing rules found that does not stop the course (see {@link ItemWritingRules}): each finding
     * on a knowledge check, or, before the course's version enforces the rules, one line saying how many there are.
     */
    public record Loaded(Course course, CompletionContent completion, List<ContentProblem> warnings) {

        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Loads and validates the course in the folder, with its evaluation and certificate settings. From course version
     * {@link ItemWritingRules#ENFORCED_FROM_VERSION}, an assessment item that breaks an item-writing rule is a problem
     * like any other.
     */
    public static Loaded loadAll(Path folder) {
        CourseContentLoader loader = new CourseContentLoader(folder);
        Course course = loader.load();
        return new Loaded(course, loader.completion, loader.warnings);
    }

    /**
     * Loads and validates everything but the item-writing rules, whatever the course's version: for the content lint,
     * which reports on a bank that breaks them.
     */
    public static Course loadWithoutItemWritingRules(Path folder) {
        CourseContentLoader loader = new CourseContentLoader(folder);
        loader.applyItemWritingRules = false;
        return loader.load();
    }

    private CompletionContent completion = new CompletionContent(Evaluation.none(), null);
    private final List<ContentProblem> warnings = new ArrayList<>();
    private boolean applyItemWritingRules = true;

    private Course load() {
        if (!Files.isDirectory(folder)) {
            throw new InvalidCourseContentException(folder, List.of(new ContentProblem(folder.toString(), 0,
                    "course content folder not found; set course.content-dir to the folder holding course.yaml")));
        }
        CourseHeader header = readCourse();
        Map<String, Reference> references = readReferences();
        Map<String, Region> regions = readRegions();
        Map<String, GlossaryTerm> glossary = readGlossary(regions);
        List<Figure> figures = readFigures(regions);
        List<ParsedLesson> parsed = readLessons();
        checkLessons(parsed, glossary, regions, references);
        List<Question> questions = readQuestions(parsed, references, figures);
        Evaluation evaluation = readEvaluation(parsed);
        if (problems.isEmpty() && header != null && applyItemWritingRules) {
            checkItemWriting(questions, header.version);
        }
        if (!problems.isEmpty() || header == null) {
            throw new InvalidCourseContentException(folder, problems);
        }
        List<Lesson> lessons = parsed.stream().sorted(Comparator.comparingInt(ParsedLesson::order))
                .map(lesson -> lesson.render(glossary)).toList();
        completion = new CompletionContent(evaluation, header.certificate);
        return new Course(header.id, header.title, header.summary, header.audience, header.ceHours, header.passMark,
                header.version, lessons, glossary, references, regions, figures, questions, header.quizzes, header.review);
    }

    /**
     * The item-writing rules, on a bank that is otherwise sound. From {@link ItemWritingRules#ENFORCED_FROM_VERSION} on,
     * a finding on an assessment item refuses the course and one on a knowledge check is a warning; before it, the
     * findings are only counted, so a bank written before the rules keeps working until its rewrite bumps the version.
     */
    private void checkItemWriting(List<Question> questions, int version) {
        ItemWritingRules.Report report = ItemWritingRules.check(questions);
        if (version >= ItemWritingRules.ENFORCED_FROM_VERSION) {
            report.findings(Question.Use.ASSESSMENT).forEach(f -> problems.add(f.problem()));
            report.findings(Question.Use.KNOWLEDGE_CHECK).forEach(f -> warnings.add(f.problem()));
        } else if (!report.findings().isEmpty()) {
            warnings.add(new ContentProblem("course.yaml", 0, "version " + version + " predates the item-writing rules, which "
                    + "apply from version " + ItemWritingRules.ENFORCED_FROM_VERSION + "; the bank has " + report.findings().size()
                    + " findings (" + report.findings(Question.Use.ASSESSMENT).size() + " on assessment items); list them with "
                    + "./mvnw -q test-compile exec:java@lint-content"));
        }
    }

    // ---- evaluation.yaml -------------------------------------------------------------------------------

    /**
     * The course evaluation (optional file). Its Likert scale, one item per lesson objective from the template in
     * {@code objectives}, then its own items (Likert statements and free-text questions).
     */
    private Evaluation readEvaluation(List<ParsedLesson> lessons) {
        String file = "evaluation.yaml";
        if (!Files.exists(folder.resolve(file), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Evaluation.none();
        }
        YamlDocument yaml = new YamlDocument(file, 0, problems);
        Optional<YamlDocument.Mapping> root = read(file).flatMap(yaml::parse).flatMap(node -> yaml.mapping(node, file));
        if (root.isEmpty()) {
            return Evaluation.none();
        }
        YamlDocument.Mapping map = root.get().allowOnly(EVALUATION_KEYS);
        List<String> scale = map.strings("scale", true).stream().map(YamlDocument.LocatedValue::value).toList();
        if (map.has("scale") && (scale.size() < 2 || scale.size() > 10)) {
            yaml.problem(map.lineOf("scale"), "'scale' must list 2 to 10 points, lowest first, not " + scale.size());
        }
        List<Evaluation.Item> items = new ArrayList<>();
        String template = map.has("objectives") ? map.string("objectives", true) : null;
        if (template != null) {
            if (!template.contains(OBJECTIVE_PLACEHOLDER)) {
                yaml.problem(map.lineOf("objectives"), "'objectives' must contain " + OBJECTIVE_PLACEHOLDER
                        + ", which is replaced by each lesson objective, e.g. \"The objective '{objective}' was met.\"");
            } else {
                List<ParsedLesson> inOrder = lessons.stream().sorted(Comparator.comparingInt(ParsedLesson::order)).toList();
                for (ParsedLesson lesson : inOrder) {
                    for (int i = 0; i < lesson.objectives().size(); i++) {
                        items.add(new Evaluation.Item("objective-" + lesson.id() + "-" + (i + 1), Evaluation.Kind.LIKERT,
                                template.replace(OBJECTIVE_PLACEHOLDER, lesson.objectives().get(i)), true,
                                Evaluation.lessonGroup(inOrder.indexOf(lesson) + 1, lesson.title())));
                    }
                }
            }
        }
        Set<String> ids = new java.util.HashSet<>();
        for (YamlDocument.Mapping item : map.mappings("items", true)) {
            item.allowOnly(EVALUATION_ITEM_KEYS);
            String id = item.string("id", true);
            checkId(yaml, item, id);
            String text = item.string("text", true);
            Evaluation.Kind kind = item.has("type") ? named(yaml, item, "type", Evaluation.Kind.values(),
                    k -> k.name().toLowerCase(java.util.Locale.ROOT)) : null;
            if (!item.has("type")) {
                yaml.problem(item.line(), "missing required field 'type' (likert or text)");
            }
            Boolean required = item.has("required") ? item.bool("required", true)
                    : Boolean.valueOf(kind == Evaluation.Kind.LIKERT); // a Likert statement is answered; free text is optional
            if (id != null && id.startsWith("objective-")) {
                yaml.problem(item.lineOf("id"), "ids starting with 'objective-' are reserved for the items made from 'objectives'");
            } else if (id != null && !ids.add(id)) {
                yaml.problem(item.lineOf("id"), "duplicate id '" + id + "'");
            }
            if (id != null && text != null && kind != null && required != null) {
                items.add(new Evaluation.Item(id, kind, text, required, Evaluation.ABOUT_THE_COURSE));
            }
        }
        return new Evaluation(scale, items);
    }

    // ---- quizzes ---------------------------------------------------------------------------------------

    /** The question bank; a course without a quizzes/ folder has none (quizzes are then not offered). */
    private List<Question> readQuestions(List<ParsedLesson> lessons, Map<String, Reference> references, List<Figure> figures) {
        if (!Files.isDirectory(folder.resolve("quizzes"))) {
            return List.of();
        }
        Map<String, QuestionBankReader.LessonTarget> lessonTargets = new HashMap<>();
        for (ParsedLesson lesson : lessons) {
            lessonTargets.put(lesson.id(), new QuestionBankReader.LessonTarget(
                    new java.util.HashSet<>(lesson.body().sections.stream().map(LessonMarkdown.RawSection::id).toList()),
                    lesson.objectives().size()));
        }
        Map<String, Figure> figuresById = new HashMap<>();
        figures.forEach(f -> figuresById.put(f.id(), f));
        Set<String> brokenFigures = new java.util.HashSet<>();
        filesIn("figures", ".svg").forEach(p -> brokenFigures.add(p.getFileName().toString().replaceFirst("\\.svg$", "")));
        brokenFigures.removeAll(figuresById.keySet());
        QuestionBankReader.Targets targets = new QuestionBankReader.Targets(lessonTargets, !anyUnreadable("lessons/"),
                unreadable.contains("references.yaml") ? null : references.keySet(), figuresById, brokenFigures);
        List<Question> questions = new ArrayList<>();
        Map<String, String> idsSeen = new HashMap<>();
        for (Path path : filesIn("quizzes", ".yaml")) {
            String file = relative(path);
            read(file).ifPresent(text -> questions.addAll(QuestionBankReader.read(file, text, targets, problems, idsSeen)));
        }
        if (!anyUnreadable("quizzes/")) {
            // a slot's parallel question may be in the file that could not be read
            QuestionBankReader.checkBlueprint(questions, problems);
        }
        return questions;
    }

    // ---- files ---------------------------------------------------------------------------------------

    /**
     * Reads one content file as UTF-8 text. Refused, each with the file's name: a file larger than its limit, a
     * symbolic link (or a file under a linked folder) whose real path lies outside the content folder, and bytes that
     * are not UTF-8 (reported with the byte offset and line of the first bad byte). A refused file is remembered in
     * {@link #unreadable}, so checks that would need its contents are skipped rather than reported as knock-on errors.
     */
    private Optional<String> read(String relative) {
        Optional<String> text = readChecked(relative);
        if (text.isEmpty()) {
            unreadable.add(relative);
        }
        return text;
    }

    private Optional<String> readChecked(String relative) {
        Path path = folder.resolve(relative);
        if (!Files.isRegularFile(path)) {
            problems.add(new ContentProblem(relative, 0, "file is missing"));
            return Optional.empty();
        }
        try {
            Path real = path.toRealPath();
            if (!real.startsWith(folder.toRealPath())) {
                problems.add(new ContentProblem(relative, 0, "is a symbolic link to " + real
                        + ", outside the course content folder; copy the file into the folder instead"));
                return Optional.empty();
            }
            long limit = relative.endsWith(".svg") ? MAX_FIGURE_BYTES : MAX_TEXT_BYTES;
            long size = Files.size(real);
            if (size > limit) {
                problems.add(new ContentProblem(relative, 0, "file is " + kib(size) + "; the limit is " + kib(limit)
                        + (relative.endsWith(".svg") ? " for a figure; simplify the drawing" : " for a text file; split it into smaller files")));
                return Optional.empty();
            }
            return decodeUtf8(relative, Files.readAllBytes(real)).map(decoded -> decoded.replace("\r\n", "\n"));
        } catch (IOException unreadable) {
            problems.add(new ContentProblem(relative, 0, "file cannot be read: " + unreadable.getMessage()));
        }
        return Optional.empty();
    }

    /** Strict UTF-8: the first malformed byte is reported with its offset and line; nothing is silently replaced. */
    private Optional<String> decodeUtf8(String relative, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            problems.add(new ContentProblem(relative, line, "file is not UTF-8 text: byte 0x%02X at byte offset %d cannot be read as UTF-8; save the file as UTF-8"
                    .formatted(bytes[offset] & 0xff, offset)));
            return Optional.empty();
        }
        decoder.flush(out);
        return Optional.of(out.flip().toString());
    }

    private static String kib(long bytes) {
        return (bytes + 1023) / 1024 + " KiB";
    }

    private boolean anyUnreadable(String subfolder) {
        return unreadable.stream().anyMatch(file -> file.startsWith(subfolder));
    }

    private String relative(Path path) {
        return folder.relativize(path).toString().replace('\\', '/');
    }

    private List<Path> filesIn(String subfolder, String suffix) {
        Path dir = folder.resolve(subfolder);
        if (!Files.isDirectory(dir)) {
            problems.add(new ContentProblem(subfolder + "/", 0, "folder is missing"));
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException unreadable) {
            problems.add(new ContentProblem(subfolder + "/", 0, "folder cannot be read: " + unreadable.getMessage()));
            return List.of();
        }
    }

    private void checkId(YamlDocument yaml, YamlDocument.Mapping map, String id) {
        if (id != null && !ID.matcher(id).matches()) {
            yaml.problem(map.lineOf("id"), "id '" + id + "' must be lower-case letters and digits joined by '-'");
        }
    }

    // ---- course.yaml ---------------------------------------------------------------------------------

    private record CourseHeader(String id, String title, String summary, String audience, double ceHours,
                                int passMark, int version, Map<QuizSettings.Kind, QuizSettings> quizzes,
                                @org.jspecify.annotations.Nullable CertificateSettings certificate, ReviewSettings review) {
    }

    private CourseHeader readCourse() {
        String file = "course.yaml";
        YamlDocument yaml = new YamlDocument(file, 0, problems);
        Optional<YamlDocument.Mapping> map = read(file).flatMap(yaml::parse).flatMap(root -> yaml.mapping(root, "course.yaml"));
        if (map.isEmpty()) {
            return null;
        }
        YamlDocument.Mapping course = map.get().allowOnly(COURSE_KEYS);
        String id = course.string("id", true);
        checkId(yaml, course, id);
        String title = course.string("title", true);
        String summary = course.string("summary", true);
        String audience = course.string("audience", true);
        Double ceHours = course.number("ceHours", 0, 100);
        Integer passMark = course.has("passMark") ? course.integer("passMark", 1, 100) : Integer.valueOf(80);
        Integer version = course.integer("version", 1, Integer.MAX_VALUE);
        Map<QuizSettings.Kind, QuizSettings> quizzes = readQuizSettings(yaml, course);
        CertificateSettings certificate = null;
        if (course.has("certificate")) {
            YamlDocument.Mapping block = course.mapping("certificate", true);
            if (block == null) {
                return null;
            }
            block.allowOnly(CERTIFICATE_KEYS);
            // every field is required: a CE certificate with a blank accreditation line would claim what nobody granted
            String provider = block.string("provider", true);
            String accreditation = block.string("accreditation", true);
            String contact = block.string("contact", true);
            if (provider == null || accreditation == null || contact == null) {
                return null;
            }
            certificate = new CertificateSettings(provider, accreditation, contact);
        }
        if (id == null || title == null || summary == null || audience == null || ceHours == null || passMark == null || version == null) {
            return null;
        }
        return new CourseHeader(id, title, summary, audience, ceHours, passMark, version, quizzes, certificate, readReviewSettings(course));
    }

    /** 'review: { desiredRetention: 0.9, sessionSize: 10 }', each optional; problems name file and line. */
    private ReviewSettings readReviewSettings(YamlDocument.Mapping course) {
        YamlDocument.Mapping block = course.has("review") ? course.mapping("review", true) : null;
        if (block == null) {
            return ReviewSettings.DEFAULTS;
        }
        block.allowOnly(REVIEW_KEYS);
        // below 0.7 cards fall due so late that most are forgotten; above 0.97 reviews pile up daily
        Double retention = block.has("desiredRetention") ? block.number("desiredRetention", 0.7, 0.97) : null;
        Integer size = block.has("sessionSize") ? block.integer("sessionSize", 1, 100) : null;
        return new ReviewSettings(retention != null ? retention : ReviewSettings.DEFAULTS.desiredRetention(),
                size != null ? size : ReviewSettings.DEFAULTS.sessionSize());
    }

    private Map<QuizSettings.Kind, QuizSettings> readQuizSettings(YamlDocument yaml, YamlDocument.Mapping course) {
        Map<QuizSettings.Kind, QuizSettings> result = new java.util.EnumMap<>(QuizSettings.Kind.class);
        YamlDocument.Mapping quizzes = course.has("quizzes") ? course.mapping("quizzes", true) : null;
        if (quizzes == null) {
            return result;
        }
        Set<String> kinds = new java.util.HashSet<>();
        for (QuizSettings.Kind kind : QuizSettings.Kind.values()) {
            kinds.add(kind.yamlName());
        }
        quizzes.allowOnly(kinds);
        for (QuizSettings.Kind kind : QuizSettings.Kind.values()) {
            YamlDocument.Mapping settings = quizzes.has(kind.yamlName()) ? quizzes.mapping(kind.yamlName(), true) : null;
            if (settings == null) {
                continue;
            }
            boolean isFinal = kind == QuizSettings.Kind.FINAL_ASSESSMENT;
            // attempt limits and opening rules make sense only for the graded final assessment
            settings.allowOnly(isFinal ? Set.of("counts", "feedback", "cooldownMinutes", "maxAttempts", "opensAfter")
                    : Set.of("counts", "feedback", "cooldownMinutes"));
            QuizSettings defaults = kind.defaults();
            QuizSettings.CountingRule counts = settings.has("counts")
                    ? named(yaml, settings, "counts", QuizSettings.CountingRule.values(), QuizSettings.CountingRule::yamlName)
                    : defaults.counts();
            QuizSettings.FeedbackTiming feedback = settings.has("feedback")
                    ? named(yaml, settings, "feedback", QuizSettings.FeedbackTiming.values(), QuizSettings.FeedbackTiming::yamlName)
                    : defaults.feedback();
            Integer cooldown = settings.has("cooldownMinutes") ? settings.integer("cooldownMinutes", 0, 60 * 24 * 365)
                    : Integer.valueOf(defaults.cooldownMinutes());
            Integer maxAttempts = isFinal && settings.has("maxAttempts") ? settings.integer("maxAttempts", 1, 100)
                    : Integer.valueOf(defaults.maxAttempts());
            QuizSettings.OpensAfter opensAfter = isFinal && settings.has("opensAfter")
                    ? named(yaml, settings, "opensAfter", new QuizSettings.OpensAfter[] {QuizSettings.OpensAfter.ALL_LESSONS,
                    QuizSettings.OpensAfter.PRE_TEST}, QuizSettings.OpensAfter::yamlName)
                    : defaults.opensAfter();
            if (counts != null && feedback != null && cooldown != null && maxAttempts != null && opensAfter != null) {
                result.put(kind, new QuizSettings(counts, feedback, cooldown, maxAttempts, opensAfter));
            }
        }
        return result;
    }

    private static <E> E named(YamlDocument yaml, YamlDocument.Mapping map, String key, E[] values,
                               java.util.function.Function<E, String> name) {
        String text = map.string(key, true);
        for (E value : values) {
            if (name.apply(value).equals(text)) {
                return value;
            }
        }
        if (text != null) {
            yaml.problem(map.lineOf(key), "'" + key + "' must be one of "
                    + java.util.Arrays.stream(values).map(name).toList() + ", not '" + text + "'");
        }
        return null;
    }

    // ---- lists of things with ids ----------------------------------------------------------------------

    private interface ItemReader<T> {
        T read(YamlDocument yaml, YamlDocument.Mapping item, String id);
    }

    private <T> Map<String, T> readList(String file, Set<String> keys, ItemReader<T> reader) {
        YamlDocument yaml = new YamlDocument(file, 0, problems);
        Map<String, T> result = new LinkedHashMap<>();
        Optional<Node> root = read(file).flatMap(yaml::parse);
        if (root.isEmpty()) {
            unreadable.add(file);
            return result;
        }
        for (Node node : yaml.list(root.get(), file)) {
            yaml.mapping(node, "each item of " + file).ifPresent(item -> {
                item.allowOnly(keys);
                String id = item.string("id", true);
                checkId(yaml, item, id);
                T value = reader.read(yaml, item, id);
                if (id != null && value != null) {
                    if (result.containsKey(id)) {
                        yaml.problem(item.lineOf("id"), "duplicate id '" + id + "'");
                    } else {
                        result.put(id, value);
                    }
                }
            });
        }
        return result;
    }

    private Map<String, Reference> readReferences() {
        return readList("references.yaml", REFERENCE_KEYS, (yaml, item, id) -> {
            String authors = item.string("authors", true);
            Integer year = item.integer("year", 1800, 2100);
            String title = item.string("title", true);
            String source = item.string("source", true);
            String url = item.string("url", false);
            if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
                yaml.problem(item.lineOf("url"), "url must start with https:// or http://");
            }
            return authors == null || year == null || title == null || source == null ? null
                    : new Reference(id, authors, year, title, source, url);
        });
    }

    private Map<String, Region> readRegions() {
        return readList("regions.yaml", REGION_KEYS, (yaml, item, id) -> {
            String name = item.string("name", true);
            String description = item.string("description", true);
            return name == null || description == null ? null : new Region(id, name, description);
        });
    }

    private Map<String, GlossaryTerm> readGlossary(Map<String, Region> regions) {
        return readList("glossary.yaml", GLOSSARY_KEYS, (yaml, item, id) -> {
            String term = item.string("term", true);
            String definition = item.string("definition", true);
            String region = item.string("region", false);
            if (region != null && !regions.containsKey(region) && !unreadable.contains("regions.yaml")) {
                yaml.problem(item.lineOf("region"), "glossary term '" + id + "' names region '" + region + "', which is not in regions.yaml");
            }
            return term == null || definition == null ? null : new GlossaryTerm(id, term, definition, region);
        });
    }

    // ---- figures ---------------------------------------------------------------------------------------

    private List<Figure> readFigures(Map<String, Region> regions) {
        List<Figure> figures = new ArrayList<>();
        Map<String, Boolean> drawn = new HashMap<>();
        for (Path path : filesIn("figures", ".svg")) {
            String file = relative(path);
            String figureId = path.getFileName().toString().replaceFirst("\\.svg$", "");
            read(file).ifPresent(text -> {
                Figure figure = BrainFigures.read(file, figureId, text, regions.keySet(), problems);
                if (figure != null) {
                    figures.add(figure);
                    figure.regionIds().forEach(id -> drawn.put(id, true));
                }
            });
        }
        if (figures.size() == filesIn("figures", ".svg").size()) {
            regions.keySet().stream().filter(id -> !drawn.containsKey(id)).forEach(id ->
                    problems.add(new ContentProblem("regions.yaml", 0, "region '" + id + "' is not drawn in any figure")));
        }
        return figures;
    }

    // ---- lessons ---------------------------------------------------------------------------------------

    private record Located(String value, int line) {
    }

    private record ParsedLesson(String file, String id, int idLine, String title, int order, int orderLine, int minutes,
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

    private List<ParsedLesson> readLessons() {
        List<ParsedLesson> lessons = new ArrayList<>();
        List<Path> files = filesIn("lessons", ".md");
        if (files.isEmpty() && Files.isDirectory(folder.resolve("lessons"))) {
            problems.add(new ContentProblem("lessons/", 0, "the course has no lessons (lessons/*.md)"));
        }
        for (Path path : files) {
            String file = relative(path);
            read(file).ifPresent(text -> readLesson(file, text).ifPresent(lessons::add));
        }
        return lessons;
    }

    private Optional<ParsedLesson> readLesson(String file, String text) {
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
        String id = header.string("id", true);
        checkId(yaml, header, id);
        String title = header.string("title", true);
        Integer order = header.integer("order", 1, 1000);
        Integer minutes = header.integer("minutes", 1, 60);
        List<String> objectives = header.strings("objectives", true).stream().map(YamlDocument.LocatedValue::value).toList();
        List<Located> terms = located(yaml, header.strings("terms", false));
        List<Located> regions = located(yaml, header.strings("regions", false));
        List<Located> references = located(yaml, header.strings("references", false));
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

    private static List<Located> located(YamlDocument yaml, List<YamlDocument.LocatedValue> values) {
        return values.stream().map(v -> new Located(v.value(), v.line() + 1)).toList();
    }

    private void checkLessons(List<ParsedLesson> lessons, Map<String, GlossaryTerm> glossary, Map<String, Region> regions,
                              Map<String, Reference> references) {
        Map<String, ParsedLesson> byId = new HashMap<>();
        Map<Integer, ParsedLesson> byOrder = new HashMap<>();
        for (ParsedLesson lesson : lessons) {
            ParsedLesson sameId = byId.putIfAbsent(lesson.id(), lesson);
            if (sameId != null) {
                problems.add(new ContentProblem(lesson.file(), lesson.idLine(),
                        "duplicate lesson id '" + lesson.id() + "' (also in " + sameId.file() + ")"));
            }
            ParsedLesson sameOrder = lesson.order() < 0 ? null : byOrder.putIfAbsent(lesson.order(), lesson);
            if (sameOrder != null) {
                problems.add(new ContentProblem(lesson.file(), lesson.orderLine(),
                        "lesson order " + lesson.order() + " is also used by " + sameOrder.file()));
            }
        }
        for (ParsedLesson lesson : lessons) {
            for (Located term : lesson.terms()) {
                if (!glossary.containsKey(term.value()) && !unreadable.contains("glossary.yaml")) {
                    problems.add(new ContentProblem(lesson.file(), term.line(), "term '" + term.value() + "' is not in glossary.yaml"));
                }
            }
            for (Located region : lesson.regions()) {
                if (!regions.containsKey(region.value()) && !unreadable.contains("regions.yaml")) {
                    problems.add(new ContentProblem(lesson.file(), region.line(), "region '" + region.value() + "' is not in regions.yaml"));
                }
            }
            for (Located reference : lesson.references()) {
                if (!references.containsKey(reference.value()) && !unreadable.contains("references.yaml")) {
                    problems.add(new ContentProblem(lesson.file(), reference.line(), "reference '" + reference.value() + "' is not in references.yaml"));
                }
            }
            Set<String> listed = new java.util.HashSet<>(lesson.references().stream().map(Located::value).toList());
            for (LessonMarkdown.CourseLink link : lesson.body().links) {
                switch (link.scheme()) {
                    case "glossary" -> {
                        if (!glossary.containsKey(link.target()) && !unreadable.contains("glossary.yaml")) {
                            problems.add(new ContentProblem(lesson.file(), link.line(), "link to glossary term '" + link.target() + "', which is not in glossary.yaml"));
                        }
                    }
                    case "region" -> {
                        if (!regions.containsKey(link.target()) && !unreadable.contains("regions.yaml")) {
                            problems.add(new ContentProblem(lesson.file(), link.line(), "link to region '" + link.target() + "', which is not in regions.yaml"));
                        }
                    }
                    case "ref" -> {
                        if (!listed.contains(link.target())) {
                            problems.add(new ContentProblem(lesson.file(), link.line(), "cites '" + link.target()
                                    + "', which is not listed in this lesson's 'references'"));
                        }
                    }
                    case "lesson" -> {
                        ParsedLesson target = byId.get(link.target());
                        if (target == null && !anyUnreadable("lessons/")) {
                            problems.add(new ContentProblem(lesson.file(), link.line(), "link to lesson '" + link.target() + "', which does not exist"));
                        } else if (target != null && !link.fragment().isEmpty()
                                && target.body().sections.stream().noneMatch(s -> s.id().equals(link.fragment()))) {
                            problems.add(new ContentProblem(lesson.file(), link.line(), "link to section '" + link.fragment()
                                    + "' of lesson '" + link.target() + "', which has no such section"));
                        }
                    }
                    default -> {
                        // web links are checked by the renderer's URL sanitizer
                    }
                }
            }
        }
    }
}

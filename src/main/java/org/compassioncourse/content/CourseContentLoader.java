package org.compassioncourse.content;

import org.compassioncourse.content.CourseFileReader.CourseHeader;
import org.compassioncourse.content.LessonFileReader.ParsedLesson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a course-content folder into one immutable {@link Course}, or fails with every problem found, each
 * naming file and line. Nothing half-valid is ever returned. Each kind of file has its reader (course.yaml, the id
 * lists, figures, lessons, quizzes, evaluation.yaml); {@link ContentCrossChecks} then checks them against each other.
 */
public final class CourseContentLoader {

    private final Path folder;
    private final List<ContentProblem> problems = new ArrayList<>();
    private final ContentFiles files;
    private final ContentCrossChecks checks;

    private CourseContentLoader(Path folder) {
        this.folder = folder;
        this.files = new ContentFiles(folder, problems);
        this.checks = new ContentCrossChecks(files);
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
        CourseHeader header = CourseFileReader.read(files);
        IdListReader lists = new IdListReader(files);
        Map<String, Reference> references = lists.references();
        Map<String, Region> regions = lists.regions();
        Map<String, GlossaryTerm> glossary = lists.glossary(regions);
        List<Figure> figures = readFigures(regions);
        List<ParsedLesson> parsed = LessonFileReader.read(files);
        checks.lessons(parsed, glossary, regions, references);
        List<Question> questions = readQuestions(parsed, references, figures);
        Evaluation evaluation = EvaluationReader.read(files, parsed);
        if (problems.isEmpty() && header != null && applyItemWritingRules) {
            checks.itemWriting(questions, header.version(), warnings);
        }
        if (!problems.isEmpty() || header == null) {
            throw new InvalidCourseContentException(folder, problems);
        }
        List<Lesson> lessons = parsed.stream().sorted(Comparator.comparingInt(ParsedLesson::order))
                .map(lesson -> lesson.render(glossary)).toList();
        completion = new CompletionContent(evaluation, header.certificate(), header.validity());
        return new Course(header.id(), header.title(), header.summary(), header.audience(), header.ceHours(),
                header.passMark(), header.version(), lessons, glossary, references, regions, figures, questions,
                header.quizzes(), header.review());
    }

    /** figures/*.svg, each read by {@link BrainFigures}; when all could be read, every region must be drawn. */
    private List<Figure> readFigures(Map<String, Region> regions) {
        List<Figure> figures = new ArrayList<>();
        for (Path path : files.filesIn("figures", ".svg")) {
            String file = files.relative(path);
            String figureId = path.getFileName().toString().replaceFirst("\\.svg$", "");
            files.read(file).ifPresent(text -> {
                Figure figure = BrainFigures.read(file, figureId, text, regions.keySet(), problems);
                if (figure != null) {
                    figures.add(figure);
                }
            });
        }
        if (figures.size() == files.filesIn("figures", ".svg").size()) {
            checks.regionsDrawn(regions, figures);
        }
        return figures;
    }

    /** The question bank; a course without a quizzes/ folder has none (quizzes are then not offered). */
    private List<Question> readQuestions(List<ParsedLesson> lessons, Map<String, Reference> references, List<Figure> figures) {
        if (!files.isFolder("quizzes")) {
            return List.of();
        }
        Map<String, QuestionBankReader.LessonTarget> lessonTargets = new HashMap<>();
        for (ParsedLesson lesson : lessons) {
            lessonTargets.put(lesson.id(), new QuestionBankReader.LessonTarget(
                    new HashSet<>(lesson.body().sections.stream().map(LessonMarkdown.RawSection::id).toList()),
                    lesson.objectives().size()));
        }
        Map<String, Figure> figuresById = new HashMap<>();
        figures.forEach(f -> figuresById.put(f.id(), f));
        Set<String> brokenFigures = new HashSet<>();
        files.filesIn("figures", ".svg").forEach(p -> brokenFigures.add(p.getFileName().toString().replaceFirst("\\.svg$", "")));
        brokenFigures.removeAll(figuresById.keySet());
        QuestionBankReader.Targets targets = new QuestionBankReader.Targets(lessonTargets, !files.anyUnreadable("lessons/"),
                files.isUnreadable(IdListReader.REFERENCES) ? null : references.keySet(), figuresById, brokenFigures);
        List<Question> questions = new ArrayList<>();
        Map<String, String> idsSeen = new HashMap<>();
        for (Path path : files.filesIn("quizzes", ".yaml")) {
            String file = files.relative(path);
            files.read(file).ifPresent(text -> questions.addAll(QuestionBankReader.read(file, text, targets, problems, idsSeen)));
        }
        if (!files.anyUnreadable("quizzes/")) {
            // a slot's parallel question may be in the file that could not be read
            QuestionBankReader.checkBlueprint(questions, problems);
        }
        return questions;
    }
}

package org.compassioncourse.content;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads quizzes/*.yaml into questions and checks them against the lessons, references and figures, reporting
 * every problem with file and line: a wrong key would teach a falsehood, so nothing doubtful gets through.
 */
final class QuestionBankReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> COMMON_KEYS = Set.of("id", "lesson", "section", "objective", "reference", "use",
            "blueprint", "distinction", "type", "stem", "scenario");
    private static final Map<QuestionType, Set<String>> TYPE_KEYS = Map.of(
            QuestionType.SINGLE_CHOICE, Set.of("options", "answer"),
            QuestionType.SCENARIO, Set.of("options", "answer"),
            QuestionType.MULTIPLE_RESPONSE, Set.of("options", "answer"),
            QuestionType.TRUE_FALSE, Set.of("answer", "feedback"),
            QuestionType.MATCHING, Set.of("pairs"),
            QuestionType.CATEGORISE, Set.of("categories", "items"),
            QuestionType.ORDERING, Set.of("items"),
            QuestionType.HOTSPOT, Set.of("figure", "answer", "feedback", "regionFeedback"));

    /**
     * What a question may point at, from the rest of the content.
     *
     * @param allLessonsRead false when a lesson file could not be read (so a question's lesson is not checked: it may
     *                       be the unreadable one)
     * @param references null when references.yaml could not be read (so references are not checked)
     * @param brokenFigures figures whose files had problems of their own (so questions on them are not checked)
     */
    record Targets(Map<String, LessonTarget> lessons, boolean allLessonsRead, @org.jspecify.annotations.Nullable Set<String> references,
                   Map<String, Figure> figures, Set<String> brokenFigures) {
    }

    record LessonTarget(Set<String> sectionIds, int objectives) {
    }

    private final List<ContentProblem> problems;
    private final Targets targets;
    private final Map<String, String> firstFileOfId = new HashMap<>();

    private QuestionBankReader(List<ContentProblem> problems, Targets targets) {
        this.problems = problems;
        this.targets = targets;
    }

    /** Reads one quiz file's questions. */
    static List<Question> read(String file, String text, Targets targets, List<ContentProblem> problems,
                               Map<String, String> idsSeen) {
        QuestionBankReader reader = new QuestionBankReader(problems, targets);
        reader.firstFileOfId.putAll(idsSeen);
        List<Question> questions = reader.readFile(file, text);
        idsSeen.putAll(reader.firstFileOfId);
        return questions;
    }

    /** Checks the whole bank: parallel forms for every blueprint slot of the assessment. */
    static void checkBlueprint(List<Question> bank, List<ContentProblem> problems) {
        Map<String, List<Question>> slots = new LinkedHashMap<>();
        bank.stream().filter(q -> q.use() == Question.Use.ASSESSMENT)
                .forEach(q -> slots.computeIfAbsent(q.blueprint(), k -> new ArrayList<>()).add(q));
        slots.forEach((slot, questions) -> {
            if (questions.size() < 2) {
                Question only = questions.getFirst();
                problems.add(new ContentProblem(only.file(), only.line(), "blueprint slot '" + slot
                        + "' has only one question; the pre-test and the final assessment need two parallel questions per slot"));
            }
            Set<String> objectives = new HashSet<>();
            questions.forEach(q -> objectives.add(q.lessonId() + "#" + q.objective()));
            if (objectives.size() > 1) {
                Question first = questions.getFirst();
                problems.add(new ContentProblem(first.file(), first.line(), "blueprint slot '" + slot
                        + "' mixes learning objectives " + objectives + "; parallel questions must test the same objective"));
            }
        });
    }

    private List<Question> readFile(String file, String text) {
        YamlDocument yaml = new YamlDocument(file, 0, problems);
        List<Question> questions = new ArrayList<>();
        Optional<Node> root = yaml.parse(text);
        if (root.isEmpty()) {
            return questions;
        }
        for (Node node : yaml.list(root.get(), file)) {
            yaml.mapping(node, "each question").ifPresent(map -> {
                Question question = readQuestion(file, yaml, map);
                if (question != null) {
                    questions.add(question);
                }
            });
        }
        return questions;
    }

    private @Nullable Question readQuestion(String file, YamlDocument yaml, YamlDocument.Mapping q) {
        String id = q.string("id", true);
        int line = q.line();
        if (id != null && !ID.matcher(id).matches()) {
            yaml.problem(q.lineOf("id"), "id '" + id + "' must be lower-case letters and digits joined by '-'");
        }
        if (id != null) {
            String earlier = firstFileOfId.putIfAbsent(id, file);
            if (earlier != null) {
                yaml.problem(q.lineOf("id"), "duplicate question id '" + id + "' (also in " + earlier + ")");
            }
        }
        String typeName = q.string("type", true);
        Optional<QuestionType> type = typeName == null ? Optional.empty() : QuestionType.fromYaml(typeName);
        if (typeName != null && type.isEmpty()) {
            yaml.problem(q.lineOf("type"), "unknown question type '" + typeName + "' (use one of: single-choice, multiple-response, "
                    + "true-false, matching, categorise, ordering, scenario, hotspot)");
        }
        Set<String> allowed = new HashSet<>(COMMON_KEYS);
        type.ifPresent(t -> allowed.addAll(TYPE_KEYS.get(t)));
        if (type.isPresent()) {
            q.allowOnly(allowed);
        }

        String lessonId = q.string("lesson", true);
        LessonTarget lesson = lessonId == null ? null : targets.lessons().get(lessonId);
        if (lessonId != null && lesson == null && targets.allLessonsRead()) {
            yaml.problem(q.lineOf("lesson"), "lesson '" + lessonId + "' does not exist");
        }
        String section = q.string("section", true);
        if (lesson != null && section != null && !lesson.sectionIds().contains(section)) {
            yaml.problem(q.lineOf("section"), "lesson '" + lessonId + "' has no section '" + section + "'");
        }
        Integer objective = q.integer("objective", 1, 20);
        if (lesson != null && objective != null && objective > lesson.objectives()) {
            yaml.problem(q.lineOf("objective"), "lesson '" + lessonId + "' has only " + lesson.objectives() + " objectives");
        }
        String reference = q.string("reference", false);
        if (reference != null && targets.references() != null && !targets.references().contains(reference)) {
            yaml.problem(q.lineOf("reference"), "reference '" + reference + "' is not in references.yaml");
        }
        String useName = q.string("use", true);
        Question.Use use = null;
        if ("knowledge-check".equals(useName)) {
            use = Question.Use.KNOWLEDGE_CHECK;
        } else if ("assessment".equals(useName)) {
            use = Question.Use.ASSESSMENT;
        } else if (useName != null) {
            yaml.problem(q.lineOf("use"), "use must be knowledge-check or assessment, not '" + useName + "'");
        }
        String blueprint = q.string("blueprint", use == Question.Use.ASSESSMENT);
        Boolean distinction = q.has("distinction") ? q.bool("distinction", true) : Boolean.FALSE;
        String stem = q.string("stem", true);
        String scenario = q.string("scenario", type.orElse(null) == QuestionType.SCENARIO);

        Question.Body body = type.map(t -> readBody(t, yaml, q)).orElse(null);
        if (id == null || lessonId == null || section == null || objective == null || use == null
                || stem == null || body == null || distinction == null) {
            return null;
        }
        return new Question(id, lessonId, section, objective, reference, use, blueprint, distinction, stem, scenario, body, file, line);
    }

    private Question.@Nullable Body readBody(QuestionType type, YamlDocument yaml, YamlDocument.Mapping q) {
        return switch (type) {
            case SINGLE_CHOICE, SCENARIO, MULTIPLE_RESPONSE -> readChoice(type, yaml, q);
            case TRUE_FALSE -> readTrueFalse(yaml, q);
            case MATCHING -> readMatching(yaml, q);
            case CATEGORISE -> readCategorise(yaml, q);
            case ORDERING -> readOrdering(yaml, q);
            case HOTSPOT -> readHotspot(yaml, q);
        };
    }

    private Question.@Nullable Body readChoice(QuestionType type, YamlDocument yaml, YamlDocument.Mapping q) {
        List<Question.Option> options = new ArrayList<>();
        Set<String> ids = new java.util.LinkedHashSet<>();
        List<YamlDocument.Mapping> written = q.mappings("options", true);
        for (YamlDocument.Mapping o : written) {
            o.allowOnly(Set.of("id", "text", "feedback"));
            String id = o.string("id", true);
            String text = o.string("text", true);
            String feedback = o.string("feedback", true);
            if (id != null && !ids.add(id)) {
                yaml.problem(o.lineOf("id"), "duplicate option id '" + id + "'");
            }
            if (id != null && text != null && feedback != null) {
                options.add(new Question.Option(id, text, feedback, o.line()));
            }
        }
        if (written.size() < 2) {
            yaml.problem(q.lineOf("options"), "a choice question needs at least two options");
            return null;
        }
        if (options.size() < written.size()) {
            return null;
        }
        List<String> correct = new ArrayList<>();
        if (type == QuestionType.MULTIPLE_RESPONSE) {
            q.strings("answer", true).forEach(a -> correct.add(a.value()));
        } else {
            String answer = q.string("answer", true);
            if (answer != null) {
                correct.add(answer);
            }
        }
        for (String answer : correct) {
            if (!ids.contains(answer)) {
                yaml.problem(q.lineOf("answer"), "the key '" + answer + "' is not among the options " + ids);
                return null;
            }
        }
        if (correct.isEmpty()) {
            return null;
        }
        return new Question.Choice(type, List.copyOf(options), List.copyOf(correct));
    }

    private Question.@Nullable Body readTrueFalse(YamlDocument yaml, YamlDocument.Mapping q) {
        Boolean answer = q.bool("answer", true);
        YamlDocument.Mapping feedback = q.mapping("feedback", true);
        if (feedback == null) {
            return null;
        }
        feedback.allowOnly(Set.of("true", "false"));
        String ifTrue = feedback.string("true", true);
        String ifFalse = feedback.string("false", true);
        return answer == null || ifTrue == null || ifFalse == null ? null : new Question.TrueFalse(answer, ifTrue, ifFalse);
    }

    private Question.@Nullable Body readMatching(YamlDocument yaml, YamlDocument.Mapping q) {
        List<Question.Pair> pairs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlDocument.Mapping p : q.mappings("pairs", true)) {
            p.allowOnly(Set.of("id", "left", "right", "feedback"));
            String id = p.string("id", true);
            String left = p.string("left", true);
            String right = p.string("right", true);
            String feedback = p.string("feedback", true);
            if (id != null && !ids.add(id)) {
                yaml.problem(p.lineOf("id"), "duplicate pair id '" + id + "'");
            }
            if (id != null && left != null && right != null && feedback != null) {
                pairs.add(new Question.Pair(id, left, right, feedback));
            }
        }
        if (pairs.size() < 2) {
            yaml.problem(q.lineOf("pairs"), "a matching question needs at least two pairs");
            return null;
        }
        return new Question.Matching(List.copyOf(pairs));
    }

    private Question.@Nullable Body readCategorise(YamlDocument yaml, YamlDocument.Mapping q) {
        List<Question.Category> categories = new ArrayList<>();
        for (YamlDocument.Mapping c : q.mappings("categories", true)) {
            c.allowOnly(Set.of("id", "label"));
            String id = c.string("id", true);
            String label = c.string("label", true);
            if (id != null && label != null) {
                categories.add(new Question.Category(id, label));
            }
        }
        if (categories.size() < 2) {
            yaml.problem(q.lineOf("categories"), "a categorise question needs at least two categories");
            return null;
        }
        Set<String> categoryIds = new java.util.LinkedHashSet<>(categories.stream().map(Question.Category::id).toList());
        List<Question.Item> items = readItems(yaml, q, categoryIds);
        if (items.size() < q.mappings("items", false).size()) {
            return null;
        }
        if (items.size() < 2) {
            yaml.problem(q.lineOf("items"), "a categorise question needs at least two items");
            return null;
        }
        return new Question.Categorise(List.copyOf(categories), items);
    }

    private Question.@Nullable Body readOrdering(YamlDocument yaml, YamlDocument.Mapping q) {
        List<Question.Item> items = readItems(yaml, q, null);
        if (items.size() < q.mappings("items", false).size()) {
            return null;
        }
        if (items.size() < 3) {
            yaml.problem(q.lineOf("items"), "an ordering question needs at least three items");
            return null;
        }
        return new Question.Ordering(items);
    }

    private List<Question.Item> readItems(YamlDocument yaml, YamlDocument.Mapping q, @Nullable Set<String> categories) {
        List<Question.Item> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlDocument.Mapping i : q.mappings("items", true)) {
            i.allowOnly(categories == null ? Set.of("id", "text", "feedback") : Set.of("id", "text", "category", "feedback"));
            String id = i.string("id", true);
            String text = i.string("text", true);
            String feedback = i.string("feedback", true);
            String category = categories == null ? null : i.string("category", true);
            if (id != null && !ids.add(id)) {
                yaml.problem(i.lineOf("id"), "duplicate item id '" + id + "'");
            }
            if (categories != null && category != null && !categories.contains(category)) {
                yaml.problem(i.lineOf("category"), "the key '" + category + "' is not among the categories " + categories);
                continue;
            }
            if (id != null && text != null && feedback != null && (categories == null || category != null)) {
                items.add(new Question.Item(id, text, category, feedback));
            }
        }
        return List.copyOf(items);
    }

    private Question.@Nullable Body readHotspot(YamlDocument yaml, YamlDocument.Mapping q) {
        String figureId = q.string("figure", true);
        Figure figure = figureId == null ? null : targets.figures().get(figureId);
        if (figureId != null && figure == null && !targets.brokenFigures().contains(figureId)) {
            yaml.problem(q.lineOf("figure"), "figure '" + figureId + "' does not exist in figures/");
        }
        String answer = q.string("answer", true);
        if (figure != null && answer != null && !figure.regionIds().contains(answer)) {
            yaml.problem(q.lineOf("answer"), "hotspot answer '" + answer + "' is not a region of figure '" + figureId + "'");
            return null;
        }
        YamlDocument.Mapping feedback = q.mapping("feedback", true);
        String correct = null;
        String incorrect = null;
        if (feedback != null) {
            feedback.allowOnly(Set.of("correct", "incorrect"));
            correct = feedback.string("correct", true);
            incorrect = feedback.string("incorrect", true);
        }
        Map<String, String> regionFeedback = new LinkedHashMap<>();
        YamlDocument.Mapping perRegion = q.has("regionFeedback") ? q.mapping("regionFeedback", true) : null;
        if (perRegion != null && figure != null) {
            perRegion.allowOnly(new HashSet<>(figure.regionIds()));
            for (String region : figure.regionIds()) {
                String text = perRegion.string(region, false);
                if (text != null) {
                    regionFeedback.put(region, text);
                }
            }
        }
        if (figure == null || answer == null || correct == null || incorrect == null) {
            return null;
        }
        return new Question.Hotspot(figureId, answer, correct, incorrect, Map.copyOf(regionFeedback));
    }
}

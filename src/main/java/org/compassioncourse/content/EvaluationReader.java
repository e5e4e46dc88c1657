package org.compassioncourse.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads evaluation.yaml (optional): its Likert scale, one item per lesson objective from the template in
 * {@code objectives}, then its own items (Likert statements and free-text questions).
 */
final class EvaluationReader {

    static final String FILE = "evaluation.yaml";
    private static final Set<String> EVALUATION_KEYS = Set.of("scale", "objectives", "items");
    private static final Set<String> EVALUATION_ITEM_KEYS = Set.of("id", "type", "text", "required");
    /** evaluation.yaml's objective template: one Likert item per lesson objective, with this placeholder replaced. */
    static final String OBJECTIVE_PLACEHOLDER = "{objective}";

    private EvaluationReader() {
    }

    static Evaluation read(ContentFiles files, List<LessonFileReader.ParsedLesson> lessons) {
        if (!files.exists(FILE)) {
            return Evaluation.none();
        }
        YamlDocument yaml = new YamlDocument(FILE, 0, files.problems());
        Optional<YamlDocument.Mapping> root = files.read(FILE).flatMap(yaml::parse).flatMap(node -> yaml.mapping(node, FILE));
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
                items.addAll(objectiveItems(template, lessons));
            }
        }
        Set<String> ids = new HashSet<>();
        for (YamlDocument.Mapping item : map.mappings("items", true)) {
            item.allowOnly(EVALUATION_ITEM_KEYS);
            String id = item.id();
            String text = item.string("text", true);
            Evaluation.Kind kind = item.has("type")
                    ? item.oneOf("type", Evaluation.Kind.values(), k -> k.name().toLowerCase(Locale.ROOT)) : null;
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

    private static List<Evaluation.Item> objectiveItems(String template, List<LessonFileReader.ParsedLesson> lessons) {
        List<Evaluation.Item> items = new ArrayList<>();
        List<LessonFileReader.ParsedLesson> inOrder = lessons.stream()
                .sorted(Comparator.comparingInt(LessonFileReader.ParsedLesson::order)).toList();
        for (LessonFileReader.ParsedLesson lesson : inOrder) {
            for (int i = 0; i < lesson.objectives().size(); i++) {
                items.add(new Evaluation.Item("objective-" + lesson.id() + "-" + (i + 1), Evaluation.Kind.LIKERT,
                        template.replace(OBJECTIVE_PLACEHOLDER, lesson.objectives().get(i)), true,
                        Evaluation.lessonGroup(inOrder.indexOf(lesson) + 1, lesson.title())));
            }
        }
        return items;
    }
}

package org.compassioncourse.gift;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a GIFT file into a quiz file of ours ({@code quizzes/NAME.yaml}) and a report beside it
 * ({@code quizzes/NAME.gift-import.txt}). It writes what GIFT says and never invents what it does not: a missing key,
 * lesson, section, objective, use or blueprint slot is left out of the YAML and listed in the report for the author to
 * add, and the content loader's own checks then apply. Questions of a type we cannot ask (essay, numerical, short
 * answer, missing word, description) are listed with title and line. A file that does not parse writes nothing.
 *
 * <p>Command line: {@code ./mvnw -q compile exec:java@gift-import -Dgift.in=questions.gift [-Dgift.content=course-content]
 * [-Dgift.name=imported]}.
 */
public final class GiftImport {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** What the import wrote and what the author must still do. */
    public record Result(String yaml, int imported, List<String> notImported, List<String> toAdd, List<String> notes) {

        public String report(String source) {
            StringBuilder out = new StringBuilder();
            out.append("GIFT import of ").append(source).append(": ").append(imported).append(" questions written, ")
                    .append(notImported.size()).append(" not imported\n");
            section(out, "Not imported (no such question type in the course)", notImported);
            section(out, "The author must add (the import does not invent these; the app refuses the bank until then)", toAdd);
            section(out, "Notes", notes);
            return out.toString();
        }

        private static void section(StringBuilder out, String title, List<String> lines) {
            out.append('\n').append(title).append(": ").append(lines.isEmpty() ? "none" : lines.size()).append('\n');
            lines.forEach(l -> out.append("  ").append(l).append('\n'));
        }
    }

    private GiftImport() {
    }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(System.getProperty("gift.in", args.length > 0 ? args[0] : "questions.gift"));
        Path content = Path.of(System.getProperty("gift.content", args.length > 1 ? args[1] : "course-content"));
        String name = System.getProperty("gift.name", in.getFileName().toString().replaceFirst("\\.[^.]*$", ""));
        try {
            Path yaml = importInto(in, content, name);
            System.out.println("Wrote " + yaml + " and its report " + reportPath(content, name));
            System.out.print(Files.readString(reportPath(content, name)));
        } catch (GiftParseException error) {
            System.err.println(in + ": " + error.getMessage());
            System.err.println("Nothing was written.");
            System.exit(1);
        }
    }

    /** Reads the GIFT file and writes {@code quizzes/NAME.yaml} and its report; nothing is written if it does not parse. */
    public static Path importInto(Path gift, Path contentFolder, String name) throws IOException, GiftParseException {
        Result result = convert(Files.readAllBytes(gift));
        Path quizzes = contentFolder.resolve("quizzes");
        Files.createDirectories(quizzes);
        Path yaml = quizzes.resolve(name + ".yaml");
        Files.writeString(yaml, result.yaml(), StandardCharsets.UTF_8);
        Files.writeString(reportPath(contentFolder, name), result.report(gift.getFileName().toString()), StandardCharsets.UTF_8);
        return yaml;
    }

    static Path reportPath(Path contentFolder, String name) {
        return contentFolder.resolve("quizzes").resolve(name + ".gift-import.txt");
    }

    public static Result convert(byte[] gift) throws GiftParseException {
        return new Converter().convert(GiftReader.read(gift));
    }

    private static final class Converter {
        private final StringBuilder yaml = new StringBuilder();
        private final List<String> notImported = new ArrayList<>();
        private final List<String> toAdd = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Set<String> ids = new LinkedHashSet<>();
        private int imported;

        Result convert(List<GiftQuestion> questions) {
            yaml.append("# Imported from GIFT: see the .gift-import.txt report beside this file for what the author must add.\n");
            for (GiftQuestion q : questions) {
                switch (q.kind()) {
                    case ESSAY, NUMERICAL, SHORT_ANSWER, MISSING_WORD, DESCRIPTION -> notImported.add("line " + q.line() + ": "
                            + q.kind().label + " \"" + (q.title() != null ? q.title() : abbreviate(q.text())) + "\"");
                    default -> question(q);
                }
            }
            if (imported == 0) {
                yaml.append("[]\n");
            }
            return new Result(yaml.toString(), imported, List.copyOf(notImported), List.copyOf(toAdd), List.copyOf(notes));
        }

        private void question(GiftQuestion q) {
            String id = id(q);
            String where = "line " + q.line() + " (" + id + ")";
            GiftQuestion.Meta meta = q.meta();
            String type = type(q);
            if (!q.format().equals("markdown") && !q.format().equals("moodle") && !q.format().equals("plain")) {
                notes.add(where + ": the text is in " + q.format() + " format and was kept as written; lessons use Markdown");
            }
            List<String> missing = new ArrayList<>();
            yaml.append("- id: ").append(id).append('\n');
            String lesson = meta.get("lesson");
            if (lesson == null && q.category() != null) {
                String last = q.category().substring(q.category().lastIndexOf('/') + 1).strip();
                if (ID.matcher(last).matches()) {
                    lesson = last;
                    notes.add(where + ": lesson '" + last + "' taken from the category " + q.category());
                }
            }
            field("lesson", lesson, missing);
            field("section", meta.get("section"), missing);
            field("objective", meta.get("objective"), missing);
            if (meta.get("reference") != null) {
                yaml.append("  reference: ").append(meta.get("reference")).append('\n');
            }
            String use = meta.get("use");
            field("use", use, missing);
            if ("assessment".equals(use)) {
                field("blueprint", meta.get("blueprint"), missing);
            }
            if ("true".equals(meta.get("distinction"))) {
                yaml.append("  distinction: true\n");
            }
            yaml.append("  type: ").append(type).append('\n');
            String stem = q.text();
            if (type.equals("scenario") || "true".equals(meta.get("scenario"))) {
                int split = stem.lastIndexOf("\n\n");
                if (split > 0) {
                    yaml.append("  scenario: ").append(quote(stem.substring(0, split))).append('\n');
                    stem = stem.substring(split + 2);
                } else {
                    missing.add("scenario (the vignette before the stem)");
                }
            }
            yaml.append("  stem: ").append(quote(stem)).append('\n');
            switch (q.kind()) {
                case CHOICE -> choice(q, type, where, missing);
                case TRUE_FALSE -> trueFalse(q, missing);
                case MATCHING -> {
                    if (type.equals("categorise")) {
                        categorise(q, where, missing);
                    } else {
                        matching(q, where, missing);
                    }
                }
                case ORDERING -> ordering(q, missing);
                default -> throw new IllegalStateException(q.kind().name());
            }
            if (!missing.isEmpty()) {
                toAdd.add(where + ": " + String.join(", ", missing));
            }
            imported++;
        }

        private String id(GiftQuestion q) {
            String base = q.title() == null ? "" : q.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-+|-+$", "");
            if (base.isEmpty()) {
                base = "gift-line-" + q.line();
                notes.add("line " + q.line() + ": no ::title::, so the question was given the id '" + base + "'; rename it if you like");
            }
            String id = base;
            for (int n = 2; !ids.add(id); n++) {
                id = base + "-" + n;
            }
            return id;
        }

        private String type(GiftQuestion q) {
            String declared = q.meta().get("type");
            return switch (q.kind()) {
                case CHOICE -> {
                    if ("scenario".equals(declared) || "single-choice".equals(declared) || "multiple-response".equals(declared)) {
                        yield declared;
                    }
                    // as in Moodle: an answer marked = makes it single choice; weights alone make it multiple response
                    yield q.answers().stream().anyMatch(GiftQuestion.Answer::equalsSign) ? "single-choice" : "multiple-response";
                }
                case TRUE_FALSE -> "true-false";
                case MATCHING -> {
                    if ("categorise".equals(declared) || "matching".equals(declared)) {
                        yield declared;
                    }
                    List<String> rights = q.matches().stream().filter(m -> !m.left().isEmpty()).map(GiftQuestion.Match::right).toList();
                    yield new LinkedHashSet<>(rights).size() < rights.size() ? "categorise" : "matching";
                }
                case ORDERING -> "ordering";
                default -> throw new IllegalStateException(q.kind().name());
            };
        }

        private void choice(GiftQuestion q, String type, String where, List<String> missing) {
            List<String> optionIds = ids(q.meta(), q.answers().size(), i -> String.valueOf((char) ('a' + Math.min(i, 25))) + (i > 25 ? i : ""));
            yaml.append("  options:\n");
            List<String> correct = new ArrayList<>();
            for (int i = 0; i < q.answers().size(); i++) {
                GiftQuestion.Answer a = q.answers().get(i);
                yaml.append("    - id: ").append(optionIds.get(i)).append('\n');
                yaml.append("      text: ").append(quote(a.text())).append('\n');
                if (a.feedback().isEmpty()) {
                    missing.add("feedback for option '" + optionIds.get(i) + "'");
                } else {
                    yaml.append("      feedback: ").append(quote(a.feedback())).append('\n');
                }
                boolean right = type.equals("multiple-response") ? a.percent() > 0 : a.percent() >= 100;
                if (right) {
                    correct.add(optionIds.get(i));
                }
                if (!type.equals("multiple-response") && a.percent() > 0 && a.percent() < 100) {
                    notes.add(where + ": option '" + optionIds.get(i) + "' earned " + MoodleWeights.format(a.percent())
                            + "% in Moodle; a single-choice question here earns all or nothing, so it counts as wrong");
                }
            }
            if (correct.isEmpty() || (!type.equals("multiple-response") && correct.size() > 1)) {
                missing.add("the key (answer): " + (correct.isEmpty() ? "no option earns full marks" : "more than one option earns full marks"));
            } else if (type.equals("multiple-response")) {
                String listed = q.meta().get("key");
                if (listed != null && new LinkedHashSet<>(List.of(listed.split(","))).equals(new java.util.HashSet<>(correct))) {
                    correct = List.of(listed.split(","));
                }
                yaml.append("  answer: [").append(String.join(", ", correct)).append("]\n");
                if (q.meta().get("type") == null && q.answers().stream().anyMatch(a -> a.percent() < 0)) {
                    notes.add(where + ": Moodle's penalties were not kept; multiple response is graded by the course's own rule");
                }
            } else {
                yaml.append("  answer: ").append(correct.getFirst()).append('\n');
            }
            generalFeedback(q, where);
        }

        private void trueFalse(GiftQuestion q, List<String> missing) {
            boolean truth = Boolean.TRUE.equals(q.truth());
            String ifTrue = truth ? q.rightFeedback() : q.wrongFeedback();
            String ifFalse = truth ? q.wrongFeedback() : q.rightFeedback();
            yaml.append("  answer: ").append(truth).append('\n');
            yaml.append("  feedback:\n");
            feedbackField("true", ifTrue, missing, "feedback for answering true");
            feedbackField("false", ifFalse, missing, "feedback for answering false");
            generalFeedback(q, "line " + q.line());
        }

        private void feedbackField(String key, String text, List<String> missing, String what) {
            if (text.isEmpty()) {
                missing.add(what);
            } else {
                yaml.append("    ").append(key).append(": ").append(quote(text)).append('\n');
            }
        }

        private void matching(GiftQuestion q, String where, List<String> missing) {
            List<GiftQuestion.Match> pairs = pairs(q, where);
            List<String> pairIds = ids(q.meta(), pairs.size(), i -> "p" + (i + 1));
            Map<String, String> feedback = perItemFeedback(q, pairs.stream().map(GiftQuestion.Match::left).toList());
            yaml.append("  pairs:\n");
            for (int i = 0; i < pairs.size(); i++) {
                yaml.append("    - id: ").append(pairIds.get(i)).append('\n');
                yaml.append("      left: ").append(quote(pairs.get(i).left())).append('\n');
                yaml.append("      right: ").append(quote(pairs.get(i).right())).append('\n');
                itemFeedback(feedback.get(pairs.get(i).left()), pairIds.get(i), missing);
            }
        }

        private void categorise(GiftQuestion q, String where, List<String> missing) {
            List<GiftQuestion.Match> items = pairs(q, where);
            Map<String, String> labelToId = new LinkedHashMap<>();
            q.meta().categories().forEach((id, label) -> labelToId.put(label, id));
            if (labelToId.isEmpty()) {
                items.forEach(m -> labelToId.computeIfAbsent(m.right(), label -> {
                    String slug = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
                    return slug.isEmpty() ? "c" + (labelToId.size() + 1) : slug;
                }));
            }
            List<String> itemIds = ids(q.meta(), items.size(), i -> "i" + (i + 1));
            Map<String, String> feedback = perItemFeedback(q, items.stream().map(GiftQuestion.Match::left).toList());
            yaml.append("  categories:\n");
            // categories in the order the cc lines gave them, else in order of first use
            Map<String, String> ordered = new LinkedHashMap<>();
            if (!q.meta().categories().isEmpty()) {
                ordered.putAll(q.meta().categories());
            } else {
                labelToId.forEach((label, id) -> ordered.put(id, label));
            }
            ordered.forEach((id, label) -> yaml.append("    - id: ").append(id).append("\n      label: ").append(quote(label)).append('\n'));
            yaml.append("  items:\n");
            for (int i = 0; i < items.size(); i++) {
                yaml.append("    - id: ").append(itemIds.get(i)).append('\n');
                yaml.append("      text: ").append(quote(items.get(i).left())).append('\n');
                String category = labelToId.get(items.get(i).right());
                if (category == null) {
                    missing.add("category of item '" + itemIds.get(i) + "' ('" + items.get(i).right() + "' is not among the categories)");
                } else {
                    yaml.append("      category: ").append(category).append('\n');
                }
                itemFeedback(feedback.get(items.get(i).left()), itemIds.get(i), missing);
            }
        }

        private void ordering(GiftQuestion q, List<String> missing) {
            List<String> itemIds = ids(q.meta(), q.orderItems().size(), i -> "i" + (i + 1));
            yaml.append("  items:\n");
            for (int i = 0; i < q.orderItems().size(); i++) {
                yaml.append("    - id: ").append(itemIds.get(i)).append('\n');
                yaml.append("      text: ").append(quote(q.orderItems().get(i))).append('\n');
                itemFeedback(q.meta().feedback().get(itemIds.get(i)), itemIds.get(i), missing);
            }
        }

        private void itemFeedback(@Nullable String feedback, String id, List<String> missing) {
            if (feedback == null || feedback.isEmpty()) {
                missing.add("feedback for '" + id + "'");
            } else {
                yaml.append("      feedback: ").append(quote(feedback)).append('\n');
            }
        }

        private List<GiftQuestion.Match> pairs(GiftQuestion q, String where) {
            q.matches().stream().filter(m -> m.left().isEmpty()).forEach(m -> notImported.add("line " + m.line()
                    + ": distractor \"" + m.right() + "\" of " + where + " (the course's matching has no extra answers)"));
            return q.matches().stream().filter(m -> !m.left().isEmpty()).toList();
        }

        /**
         * Our export writes each pair's or item's feedback into the general feedback as "**left** — feedback"
         * paragraphs, in order; read them back when they are there.
         */
        private Map<String, String> perItemFeedback(GiftQuestion q, List<String> lefts) {
            Map<String, String> feedback = new LinkedHashMap<>();
            String general = q.generalFeedback();
            if (general == null) {
                return feedback;
            }
            List<String> paragraphs = Arrays.asList(general.split("\n\n", -1));
            if (paragraphs.size() != lefts.size()) {
                notes.add("line " + q.line() + ": general feedback kept out of the YAML (the course has per-item feedback): "
                        + abbreviate(general));
                return feedback;
            }
            for (int i = 0; i < lefts.size(); i++) {
                String prefix = "**" + lefts.get(i) + "**" + GiftWriter.SEPARATOR;
                if (paragraphs.get(i).startsWith(prefix)) {
                    feedback.put(lefts.get(i), paragraphs.get(i).substring(prefix.length()));
                }
            }
            return feedback;
        }

        private void generalFeedback(GiftQuestion q, String where) {
            if (q.generalFeedback() != null && !q.generalFeedback().isEmpty()) {
                notes.add(where + ": general feedback not kept (the course gives feedback per option): " + abbreviate(q.generalFeedback()));
            }
        }

        private List<String> ids(GiftQuestion.Meta meta, int count, java.util.function.IntFunction<String> fallback) {
            String listed = meta.get("ids");
            if (listed != null) {
                List<String> given = List.of(listed.split(","));
                if (given.size() == count && new LinkedHashSet<>(given).size() == count) {
                    return given;
                }
            }
            List<String> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                made.add(fallback.apply(i));
            }
            return made;
        }

        private void field(String key, @Nullable String value, List<String> missing) {
            if (value == null || value.isBlank()) {
                missing.add(key);
            } else {
                yaml.append("  ").append(key).append(": ").append(value).append('\n');
            }
        }
    }

    /** A YAML double-quoted scalar: safe for any text, colons and hashes included. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> { }
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String abbreviate(String text) {
        String one = text.replace('\n', ' ');
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }
}

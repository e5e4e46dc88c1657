package org.compassioncourse.gift;

import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuestionType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * Writes questions as GIFT that Moodle's importer reads: a {@code $CATEGORY:} per lesson, {@code ::id::} titles,
 * {@code [markdown]} text, per-option and general feedback. What GIFT has no place for (lesson, section, objective,
 * blueprint slot, option ids) goes in {@code // cc:} comment lines, which Moodle ignores and {@link GiftReader} reads
 * back, so a bank survives the round trip. Hotspot questions have no GIFT form: they are skipped with a comment.
 */
public final class GiftWriter {

    /** The category path prefix; the lesson id follows it. */
    static final String CATEGORY_ROOT = "compassion-course/";
    static final String SEPARATOR = " \u2014 ";

    /** The GIFT text and what it holds. */
    public record Result(String gift, int exported, List<String> skipped) {
    }

    private GiftWriter() {
    }

    public static Result write(List<Question> questions) {
        StringBuilder out = new StringBuilder();
        List<String> skipped = new ArrayList<>();
        int exported = 0;
        Map<String, List<Question>> byLesson = new LinkedHashMap<>();
        questions.forEach(q -> byLesson.computeIfAbsent(q.lessonId(), k -> new ArrayList<>()).add(q));
        out.append("// Compassion Course question bank in Moodle GIFT format (UTF-8).\n");
        out.append("// Lines starting // cc: keep what GIFT has no place for; Moodle ignores them.\n\n");
        for (Map.Entry<String, List<Question>> lesson : byLesson.entrySet()) {
            out.append("$CATEGORY: ").append(CATEGORY_ROOT).append(lesson.getKey()).append("\n\n");
            for (Question q : lesson.getValue()) {
                if (q.type() == QuestionType.HOTSPOT) {
                    out.append("// SKIPPED hotspot \"").append(q.id()).append("\": GIFT has no hotspot question\n\n");
                    skipped.add(q.id());
                    continue;
                }
                writeQuestion(q, out);
                out.append('\n');
                exported++;
            }
        }
        out.append("// Summary: ").append(exported).append(" questions exported, ").append(skipped.size())
                .append(" skipped (hotspot: ").append(skipped.size()).append(")\n");
        return new Result(out.toString(), exported, List.copyOf(skipped));
    }

    private static void writeQuestion(Question q, StringBuilder out) {
        StringJoiner meta = new StringJoiner(" ", "// cc: ", "\n");
        meta.add("type=" + q.type().yamlName()).add("lesson=" + q.lessonId()).add("section=" + q.sectionId())
                .add("objective=" + q.objective())
                .add("use=" + (q.use() == Question.Use.ASSESSMENT ? "assessment" : "knowledge-check"));
        if (q.blueprint() != null) {
            meta.add("blueprint=" + q.blueprint());
        }
        if (q.referenceId() != null) {
            meta.add("reference=" + q.referenceId());
        }
        if (q.distinction()) {
            meta.add("distinction=true");
        }
        if (q.scenario() != null) {
            // the question text is "scenario, blank line, stem"; this says where to split it back
            meta.add("scenario=true");
        }
        if (q.body() instanceof Question.Choice c && c.type() == QuestionType.MULTIPLE_RESPONSE) {
            // the weights say which options are right; this keeps the order the author listed them in
            meta.add("key=" + String.join(",", c.correct()));
        }
        String ids = ids(q.body());
        if (!ids.isEmpty()) {
            meta.add("ids=" + ids);
        }
        out.append(meta);
        if (q.body() instanceof Question.Categorise c) {
            c.categories().forEach(cat -> out.append("// cc-category ").append(cat.id()).append(": ")
                    .append(oneLine(cat.label())).append('\n'));
        }
        if (q.body() instanceof Question.Ordering o) {
            o.items().forEach(i -> out.append("// cc-feedback ").append(i.id()).append(": ").append(oneLine(i.feedback())).append('\n'));
        }
        String text = q.scenario() == null ? q.stem() : q.scenario() + "\n\n" + q.stem();
        out.append("::").append(GiftText.escape(q.id())).append("::[markdown]").append(GiftText.escape(text));
        switch (q.body()) {
            case Question.Choice c -> writeChoice(c, out);
            case Question.TrueFalse tf -> out.append(" {").append(tf.answer() ? "TRUE#" : "FALSE#")
                    .append(GiftText.escape(tf.answer() ? tf.feedbackIfFalse() : tf.feedbackIfTrue())).append('#')
                    .append(GiftText.escape(tf.answer() ? tf.feedbackIfTrue() : tf.feedbackIfFalse())).append("}\n");
            case Question.Matching m -> {
                out.append(" {\n");
                m.pairs().forEach(p -> out.append("\t=").append(GiftText.escape(p.left())).append(" -> ")
                        .append(GiftText.escape(p.right())).append('\n'));
                out.append("\t####").append(GiftText.escape(m.pairs().stream()
                        .map(p -> "**" + p.left() + "**" + SEPARATOR + p.feedback()).collect(Collectors.joining("\n\n")))).append("\n}\n");
            }
            case Question.Categorise c -> {
                Map<String, String> labels = c.categories().stream()
                        .collect(Collectors.toMap(Question.Category::id, Question.Category::label));
                out.append(" {\n");
                c.items().forEach(i -> out.append("\t=").append(GiftText.escape(i.text())).append(" -> ")
                        .append(GiftText.escape(labels.get(i.category()))).append('\n'));
                out.append("\t####").append(GiftText.escape(c.items().stream()
                        .map(i -> "**" + i.text() + "**" + SEPARATOR + i.feedback()).collect(Collectors.joining("\n\n")))).append("\n}\n");
            }
            case Question.Ordering o -> {
                // the qtype_ordering plugin's form: >count selecttype layout grading showgrading numbering, then one item a line
                out.append(" {>").append(o.items().size()).append(" ALL VERTICAL ABSOLUTE_POSITION SHOW none\n");
                o.items().forEach(i -> out.append(GiftText.escape(i.text())).append('\n'));
                out.append("}\n");
            }
            case Question.Hotspot h -> throw new IllegalStateException("hotspot questions are skipped before this point");
        }
    }

    private static void writeChoice(Question.Choice c, StringBuilder out) {
        out.append(" {\n");
        boolean multiple = c.type() == QuestionType.MULTIPLE_RESPONSE;
        int right = c.correct().size();
        int wrong = c.options().size() - right;
        for (Question.Option o : c.options()) {
            boolean correct = c.correct().contains(o.id());
            out.append('\t');
            if (!multiple) {
                out.append(correct ? '=' : '~');
            } else if (correct) {
                out.append("~%").append(MoodleWeights.format(MoodleWeights.share(right))).append('%');
            } else {
                // penalties add up to the whole mark, so ticking every box earns nothing
                out.append("~%-").append(MoodleWeights.format(MoodleWeights.share(Math.max(wrong, 1)))).append('%');
            }
            out.append(GiftText.escape(o.text())).append('#').append(GiftText.escape(o.feedback())).append('\n');
        }
        out.append("}\n");
    }

    private static String ids(Question.Body body) {
        return switch (body) {
            case Question.Choice c -> c.options().stream().map(Question.Option::id).collect(Collectors.joining(","));
            case Question.Matching m -> m.pairs().stream().map(Question.Pair::id).collect(Collectors.joining(","));
            case Question.Categorise c -> c.items().stream().map(Question.Item::id).collect(Collectors.joining(","));
            case Question.Ordering o -> o.items().stream().map(Question.Item::id).collect(Collectors.joining(","));
            case Question.TrueFalse tf -> "";
            case Question.Hotspot h -> "";
        };
    }

    private static String oneLine(String text) {
        return text.replace("\r", "").replace("\\", "\\\\").replace("\n", "\\n");
    }
}

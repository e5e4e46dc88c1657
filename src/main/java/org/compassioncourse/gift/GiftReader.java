package org.compassioncourse.gift;

import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a GIFT file as Moodle's importer does: comment lines dropped, questions separated by blank lines,
 * {@code $CATEGORY:} lines, {@code ::title::}, {@code [format]}, the answer block in braces. Like Moodle with
 * "stop on error", the first thing it cannot read fails the whole file, with its line.
 */
final class GiftReader {

    private static final Pattern FORMAT = Pattern.compile("^\\[(html|markdown|plain|moodle)]", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRUE_FALSE = Pattern.compile("(?i)T|F|TRUE|FALSE");
    private static final Pattern CC_FIELD = Pattern.compile("([a-z]+)=(\\S+)");
    private static final Pattern CC_ENTRY = Pattern.compile("^//\\s*cc-(category|feedback)\\s+([^:\\s]+):\\s?(.*)$");

    private GiftReader() {
    }

    /** Decodes strictly as UTF-8 (a byte order mark is allowed) and reads the questions. */
    static List<GiftQuestion> read(byte[] bytes) throws GiftParseException {
        return read(decode(bytes));
    }

    static String decode(byte[] bytes) throws GiftParseException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new GiftParseException(line, String.format(Locale.ROOT, "byte 0x%02X is not UTF-8: save the file as UTF-8 "
                    + "(it looks like Windows-1252 or Latin-1) and import it again", bytes[in.position()] & 0xFF));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static List<GiftQuestion> read(String text) throws GiftParseException {
        List<GiftQuestion> questions = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> block = new ArrayList<>();
        int blockStart = 0;
        String category = null;
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> categories = new LinkedHashMap<>();
        Map<String, String> feedback = new LinkedHashMap<>();
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "";
            String trimmed = line.strip();
            if (trimmed.startsWith("//")) {
                Matcher entry = CC_ENTRY.matcher(trimmed);
                if (trimmed.startsWith("// cc:") || trimmed.startsWith("//cc:")) {
                    Matcher field = CC_FIELD.matcher(trimmed.substring(trimmed.indexOf(':') + 1));
                    while (field.find()) {
                        fields.put(field.group(1), field.group(2));
                    }
                } else if (entry.matches()) {
                    (entry.group(1).equals("category") ? categories : feedback).put(entry.group(2), GiftText.unescape(entry.group(3)));
                }
                continue;
            }
            if (!trimmed.isEmpty()) {
                if (block.isEmpty()) {
                    blockStart = i + 1;
                }
                block.add(line);
                continue;
            }
            if (block.isEmpty()) {
                continue;
            }
            if (block.getFirst().strip().startsWith("$CATEGORY:")) {
                // a question may follow its category line without a blank line between them
                category = block.removeFirst().strip().substring("$CATEGORY:".length()).strip();
                blockStart++;
                if (block.isEmpty()) {
                    continue;
                }
            }
            String joined = String.join("\n", block).strip();
            block.clear();
            GiftQuestion.Meta meta = fields.isEmpty() && categories.isEmpty() && feedback.isEmpty() ? GiftQuestion.Meta.NONE
                    : new GiftQuestion.Meta(ordered(fields), ordered(categories), ordered(feedback));
            questions.add(new BlockReader(joined, blockStart).read(category, meta));
            fields.clear();
            categories.clear();
            feedback.clear();
        }
        return questions;
    }

    /** A copy that keeps the order the comment lines gave (categories are listed in the author's order). */
    private static Map<String, String> ordered(Map<String, String> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** One question's lines, with positions turned back into file lines for messages. */
    private static final class BlockReader {
        private final String text;
        private final int firstLine;

        BlockReader(String text, int firstLine) {
            this.text = text;
            this.firstLine = firstLine;
        }

        int lineAt(int position) {
            int line = firstLine;
            for (int i = 0; i < position && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        GiftParseException error(int position, String message) {
            return new GiftParseException(lineAt(position), message);
        }

        GiftQuestion read(@Nullable String category, GiftQuestion.Meta meta) throws GiftParseException {
            int start = 0;
            String title = null;
            if (text.startsWith("::")) {
                int end = GiftText.indexOfUnescaped(text, "::", 2);
                if (end < 0) {
                    throw error(0, "the question title is not closed with '::'");
                }
                title = GiftText.unescape(text.substring(2, end)).strip();
                start = end + 2;
            }
            int open = GiftText.indexOfUnescaped(text, "{", start);
            int close = GiftText.lastIndexOfUnescaped(text, '}');
            String rest = text.substring(start);
            int opens = GiftText.countUnescaped(rest, '{');
            int closes = GiftText.countUnescaped(rest, '}');
            if (opens == 0 && closes == 0) {
                Text body = format(rest);
                return question(category, title, body, GiftQuestion.Kind.DESCRIPTION, meta);
            }
            if (opens != 1 || closes != 1 || close < open) {
                // the first of several opening braces is usually the stray one in the text, the last of several closing ones
                int at = opens == 0 || closes > 1 ? close : open;
                throw error(Math.max(at, 0), "unbalanced braces: a question has one answer block in { }; write \\{ or \\} "
                        + "for a brace in the text");
            }
            Text body = format(text.substring(start, open));
            String after = text.substring(close + 1).strip();
            String answers = text.substring(open + 1, close);
            String general = null;
            int generalAt = GiftText.indexOfUnescaped(answers, "####", 0);
            if (generalAt >= 0) {
                general = GiftText.unescape(answers.substring(generalAt + 4).strip());
                answers = answers.substring(0, generalAt);
            }
            int answersStart = open + 1;
            String trimmed = answers.strip();
            int lead = answers.indexOf(trimmed.isEmpty() ? "" : trimmed.substring(0, 1));
            int offset = answersStart + Math.max(lead, 0);
            if (!after.isEmpty()) {
                return question(category, title, new Text(body.format, body.text + " _____ " + GiftText.unescape(after)),
                        GiftQuestion.Kind.MISSING_WORD, meta);
            }
            if (trimmed.isEmpty()) {
                return question(category, title, body, GiftQuestion.Kind.ESSAY, meta);
            }
            if (trimmed.startsWith("#")) {
                return question(category, title, body, GiftQuestion.Kind.NUMERICAL, meta);
            }
            if (trimmed.startsWith(">")) {
                List<String> items = new ArrayList<>();
                String[] itemLines = trimmed.split("\n");
                for (int i = 1; i < itemLines.length; i++) {
                    if (!itemLines[i].isBlank()) {
                        items.add(GiftText.unescape(itemLines[i].strip()));
                    }
                }
                if (items.size() < 2) {
                    throw error(offset, "an ordering question needs its items, one a line, after the '>' line");
                }
                return new GiftQuestion(firstLine, category, title, body.format, body.text, GiftQuestion.Kind.ORDERING,
                        List.of(), List.of(), List.copyOf(items), null, "", "", general, meta);
            }
            if (GiftText.indexOfUnescaped(trimmed, "~", 0) >= 0) {
                return new GiftQuestion(firstLine, category, title, body.format, body.text, GiftQuestion.Kind.CHOICE,
                        choices(trimmed, offset), List.of(), List.of(), null, "", "", general, meta);
            }
            if (GiftText.indexOfUnescaped(trimmed, "=", 0) < 0) {
                String[] bits = splitUnescaped(trimmed, '#', 3);
                if (!TRUE_FALSE.matcher(bits[0].strip()).matches()) {
                    throw error(offset, "'" + bits[0].strip() + "' is not an answer GIFT knows: use T, F, TRUE or FALSE, "
                            + "or mark answers with = and ~");
                }
                boolean truth = bits[0].strip().toUpperCase(Locale.ROOT).startsWith("T");
                return new GiftQuestion(firstLine, category, title, body.format, body.text, GiftQuestion.Kind.TRUE_FALSE,
                        List.of(), List.of(), List.of(), truth, bits.length > 1 ? GiftText.unescape(bits[1].strip()) : "",
                        bits.length > 2 ? GiftText.unescape(bits[2].strip()) : "", general, meta);
            }
            if (GiftText.indexOfUnescaped(trimmed, "->", 0) >= 0) {
                return new GiftQuestion(firstLine, category, title, body.format, body.text, GiftQuestion.Kind.MATCHING,
                        List.of(), matches(trimmed, offset), List.of(), null, "", "", general, meta);
            }
            return question(category, title, body, GiftQuestion.Kind.SHORT_ANSWER, meta);
        }

        private GiftQuestion question(@Nullable String category, @Nullable String title, Text body, GiftQuestion.Kind kind,
                                      GiftQuestion.Meta meta) {
            return new GiftQuestion(firstLine, category, title, body.format, body.text, kind, List.of(), List.of(), List.of(),
                    null, "", "", null, meta);
        }

        private List<GiftQuestion.Answer> choices(String answers, int offset) throws GiftParseException {
            List<GiftQuestion.Answer> result = new ArrayList<>();
            List<Integer> marks = markers(answers, "~=");
            if (marks.isEmpty() || !answers.substring(0, marks.getFirst()).isBlank()) {
                throw error(offset, "each answer must start with = (right) or ~ (wrong)");
            }
            for (int m = 0; m < marks.size(); m++) {
                int from = marks.get(m);
                int to = m + 1 < marks.size() ? marks.get(m + 1) : answers.length();
                String part = answers.substring(from + 1, to).strip();
                Double weight = null;
                if (part.startsWith("%")) {
                    int end = part.indexOf('%', 1);
                    if (end < 0) {
                        throw error(offset + from, "the weight is not closed with '%'");
                    }
                    String number = part.substring(1, end);
                    try {
                        weight = Double.parseDouble(number);
                    } catch (NumberFormatException notANumber) {
                        throw error(offset + from, "weight %" + number + "% is not a number");
                    }
                    if (!MoodleWeights.allowed(weight)) {
                        throw error(offset + from, "weight %" + number + "% is not one Moodle accepts (use one of "
                                + MoodleWeights.ALLOWED.stream().map(MoodleWeights::format).toList() + ", or the same negative)");
                    }
                    part = part.substring(end + 1);
                }
                String[] bits = splitUnescaped(part, '#', 2);
                result.add(new GiftQuestion.Answer(answers.charAt(from) == '=', weight, GiftText.unescape(bits[0].strip()),
                        bits.length > 1 ? GiftText.unescape(bits[1].strip()) : "", lineAt(offset + from)));
            }
            if (result.size() < 2) {
                throw error(offset, "a multiple choice question needs at least two answers");
            }
            return List.copyOf(result);
        }

        private List<GiftQuestion.Match> matches(String answers, int offset) throws GiftParseException {
            List<GiftQuestion.Match> result = new ArrayList<>();
            List<Integer> marks = markers(answers, "=");
            if (marks.isEmpty() || !answers.substring(0, marks.getFirst()).isBlank()) {
                throw error(offset, "each matching pair must start with =");
            }
            for (int m = 0; m < marks.size(); m++) {
                int from = marks.get(m);
                int to = m + 1 < marks.size() ? marks.get(m + 1) : answers.length();
                String part = answers.substring(from + 1, to);
                int arrow = GiftText.indexOfUnescaped(part, "->", 0);
                if (arrow < 0) {
                    throw error(offset + from, "a matching pair needs '->' between the item and its match");
                }
                result.add(new GiftQuestion.Match(GiftText.unescape(part.substring(0, arrow).strip()),
                        GiftText.unescape(part.substring(arrow + 2).strip()), lineAt(offset + from)));
            }
            if (result.stream().filter(x -> !x.left().isEmpty()).count() < 2) {
                throw error(offset, "a matching question needs at least two pairs");
            }
            return List.copyOf(result);
        }

        private Text format(String questionText) {
            String t = questionText.strip();
            Matcher m = FORMAT.matcher(t);
            String format = "moodle";
            if (m.find()) {
                format = m.group(1).toLowerCase(Locale.ROOT);
                t = t.substring(m.end()).strip();
            }
            return new Text(format, GiftText.unescape(t));
        }
    }

    private record Text(String format, String text) {
    }

    /** Positions of the unescaped characters in {@code chars}. */
    private static List<Integer> markers(String text, String chars) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (chars.indexOf(c) >= 0) {
                found.add(i);
            }
        }
        return found;
    }

    private static String[] splitUnescaped(String text, char separator, int limit) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length() && parts.size() < limit - 1; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == separator) {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        return parts.toArray(String[]::new);
    }
}

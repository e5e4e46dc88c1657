package org.compassioncourse.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The mechanical item-writing rules of course-content/README.md ("Item-writing rules"): cues that let a learner who
 * does not know the subject pick the key by its form. Pure: it reads the loaded question bank and returns findings
 * and the figures behind them; the loader decides what a finding means (an error for assessment items once the
 * course's version reaches {@link #ENFORCED_FROM_VERSION}, otherwise a warning).
 */
public final class ItemWritingRules {

    /** course.yaml's {@code version} from which the loader refuses an assessment bank that breaks a rule. */
    public static final int ENFORCED_FROM_VERSION = 4;
    /** At most this share of the single-answer items of a bank may have the key as their longest option. */
    public static final double MAX_SHARE_KEY_LONGEST = 0.30;
    /** No key may be longer than this many times the mean length of its item's distractors. */
    public static final double MAX_KEY_TO_DISTRACTOR_LENGTH = 1.5;
    /** The share of keys and the share of distractors holding a certainty word may differ by at most this many points. */
    public static final double MAX_CERTAINTY_GAP_POINTS = 10.0;
    /** Every blueprint slot needs this many parallel items: a pre-test and three finals never repeat one. */
    public static final int MIN_ITEMS_PER_SLOT = 4;
    /** A slot may mix at most this many formats (which must also score alike). */
    public static final int MAX_FORMATS_PER_SLOT = 2;
    /** Stem-overlap test: only words at least this long count. */
    public static final int MIN_CONTENT_WORD_LETTERS = 5;

    /** Words and phrases that claim certainty (overclaims). Matched as whole words, case-insensitively. */
    public static final List<String> ABSOLUTE_WORDS = List.of("all", "always", "certain", "certainly", "completely",
            "conclusive", "conclusively", "definite", "definitely", "entirely", "establish", "established", "establishes",
            "every", "exactly", "fully", "guarantee", "guaranteed", "guarantees", "impossible", "must", "never", "no one",
            "none", "nothing", "only", "proof", "prove", "proved", "proven", "proves", "reliably", "settle", "settled",
            "settles", "solely", "totally", "undoubtedly", "wholly");
    /** Words and phrases that hedge a claim. Matched as whole words, case-insensitively. */
    public static final List<String> HEDGE_WORDS = List.of("appear", "appears", "associated", "association",
            "associations", "can", "could", "likely", "linked", "may", "might", "not necessarily", "partly", "perhaps",
            "possible", "possibly", "probably", "seem", "seems", "suggest", "suggested", "suggesting", "suggests", "tend",
            "tended", "tends", "to a degree", "to some extent");
    /** Options that let a learner answer by logic about the other options instead of about the subject. */
    private static final Pattern ABOVE = Pattern.compile(
            "\\b(all|none|both|neither) of (the above|these|the options|the answers|the other answers|the others)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Function words of five letters or more: never a cue on their own. */
    static final Set<String> STOP_WORDS = Set.of("about", "above", "across", "after", "again", "against", "along",
            "among", "another", "around", "because", "before", "behind", "being", "below", "between", "beyond", "could",
            "doing", "during", "either", "every", "further", "having", "herself", "himself", "itself", "might", "other",
            "others", "ourselves", "rather", "shall", "should", "since", "something", "someone", "their", "theirs",
            "themselves", "there", "these", "thing", "things", "those", "though", "through", "under", "until", "using",
            "where", "whether", "which", "while", "whose", "within", "without", "would", "yours", "yourself");
    /** Stem-overlap test: a word this long also matches the longer words it begins. */
    static final int PREFIX_LETTERS = 6;
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’]\\p{L}+)?");

    /** The rules, in the order authors read them in the README. */
    public enum Rule {
        KEY_LONGEST("the key is the longest option in at most 30% of single-answer items"),
        KEY_LENGTH("no key is more than 1.5× the mean length of its distractors"),
        ABSOLUTE_WORDS("absolute words appear in keys about as often as in distractors"),
        HEDGE_WORDS("hedges appear in keys about as often as in distractors"),
        ALL_OR_NONE_OF_THE_ABOVE("no option says all/none of the above"),
        TRUE_FALSE_ASSESSED("no true/false items in the pre-test and final"),
        SLOT_FORMATS("a slot holds at most two formats that score alike"),
        SLOT_SIZE("a slot holds at least 4 items"),
        STEM_WORD_IN_KEY_ONLY("no key alone repeats a word of the stem");

        private final String summary;

        Rule(String summary) {
            this.summary = summary;
        }

        public String summary() {
            return summary;
        }
    }

    /** One broken rule: where (file and line) and what to do, for the bank the item belongs to. */
    public record Finding(Rule rule, Question.Use use, ContentProblem problem) {
        @Override
        public String toString() {
            return problem.toString();
        }
    }

    /** The figures of one bank (assessment or knowledge checks) that the bank-wide rules are decided on. */
    public record Figures(Question.Use use, int singleAnswerItems, int keyLongest, double meanKeyToDistractorLength,
                          int keysOverLengthLimit, Certainty absolutes, Certainty hedges, int itemsWithAbsolutesOnlyInDistractors,
                          int itemsWithHedgesOnlyInKeys) {

        public double shareKeyLongest() {
            return singleAnswerItems == 0 ? 0 : keyLongest / (double) singleAnswerItems;
        }
    }

    /** How many keys and how many distractors hold at least one word of a list. */
    public record Certainty(int keys, int keysWith, int distractors, int distractorsWith) {

        public double keyShare() {
            return keys == 0 ? 0 : keysWith / (double) keys;
        }

        public double distractorShare() {
            return distractors == 0 ? 0 : distractorsWith / (double) distractors;
        }

        /** The gap in percentage points. */
        public double gapPoints() {
            return Math.abs(keyShare() - distractorShare()) * 100;
        }
    }

    /** Everything the rules found, with the figures; {@code slotMixes} counts the assessment's slots per set of formats. */
    public record Report(List<Finding> findings, Figures assessment, Figures knowledgeChecks, Map<String, Integer> slotMixes,
                         int slots, int slotsMixingScoring) {

        public List<Finding> findings(Question.Use use) {
            return findings.stream().filter(f -> f.use() == use).toList();
        }
    }

    private ItemWritingRules() {
    }

    /** Checks a bank: every rule, for the assessment items and (separately) for the knowledge checks. */
    public static Report check(List<Question> bank) {
        List<Finding> findings = new ArrayList<>();
        Figures assessment = checkBank(bank, Question.Use.ASSESSMENT, findings);
        Figures knowledgeChecks = checkBank(bank, Question.Use.KNOWLEDGE_CHECK, findings);
        Map<String, List<Question>> slots = new TreeMap<>();
        bank.stream().filter(q -> q.use() == Question.Use.ASSESSMENT)
                .forEach(q -> slots.computeIfAbsent(String.valueOf(q.blueprint()), k -> new ArrayList<>()).add(q));
        Map<String, Integer> mixes = new TreeMap<>();
        int mixingScoring = 0;
        for (Map.Entry<String, List<Question>> slot : slots.entrySet()) {
            List<Question> items = slot.getValue();
            Set<QuestionType> formats = new TreeSet<>(items.stream().map(Question::type).toList());
            mixes.merge(formats.stream().map(QuestionType::yamlName).collect(Collectors.joining(" + ")), 1, Integer::sum);
            boolean mixesScoring = formats.stream().map(QuestionType::partialCredit).distinct().count() > 1;
            if (mixesScoring) {
                mixingScoring++;
            }
            Question first = items.getFirst();
            if (mixesScoring || formats.size() > MAX_FORMATS_PER_SLOT) {
                findings.add(finding(Rule.SLOT_FORMATS, first, first.line(), "blueprint slot '" + slot.getKey() + "' holds "
                        + describeFormats(formats) + "; a slot may hold at most " + MAX_FORMATS_PER_SLOT
                        + " formats that score alike (all 1-or-0, or all partial credit), so every draw weighs the same"));
            }
            if (items.size() < MIN_ITEMS_PER_SLOT) {
                findings.add(finding(Rule.SLOT_SIZE, first, first.line(), "blueprint slot '" + slot.getKey() + "' has "
                        + items.size() + (items.size() == 1 ? " item" : " items") + "; it needs at least " + MIN_ITEMS_PER_SLOT
                        + " parallel items, so a pre-test and three finals never repeat one"));
            }
        }
        findings.sort(Comparator.comparing((Finding f) -> f.problem().file()).thenComparingInt(f -> f.problem().line()));
        return new Report(List.copyOf(findings), assessment, knowledgeChecks, mixes, slots.size(), mixingScoring);
    }

    private static String describeFormats(Set<QuestionType> formats) {
        String names = formats.stream().map(t -> t.yamlName() + (t.partialCredit() ? " (partial credit)" : " (1 or 0)"))
                .collect(Collectors.joining(", "));
        return formats.size() + " formats: " + names;
    }

    private static Figures checkBank(List<Question> bank, Question.Use use, List<Finding> findings) {
        List<Question> items = bank.stream().filter(q -> q.use() == use).toList();
        int singleAnswer = 0;
        List<Question> keyLongest = new ArrayList<>();
        double ratioSum = 0;
        int overLimit = 0;
        int keys = 0;
        int distractors = 0;
        int keysAbsolute = 0;
        int distractorsAbsolute = 0;
        int keysHedged = 0;
        int distractorsHedged = 0;
        List<Question> absolutesOnlyInDistractors = new ArrayList<>();
        List<Question> hedgesOnlyInKeys = new ArrayList<>();
        for (Question q : items) {
            if (q.body() instanceof Question.TrueFalse tf) {
                if (use == Question.Use.ASSESSMENT) {
                    findings.add(finding(Rule.TRUE_FALSE_ASSESSED, q, q.line(), q.id() + " is a true/false item in the "
                            + "pre-test and final: a 50% guess that scores 1 or 0; keep it as a knowledge check, or ask it as "
                            + "a single-choice item with near-miss options"));
                }
                // the statement is the key when it is true and a distractor when it is false
                boolean absolute = contains(q.stem(), ABSOLUTE_WORDS);
                boolean hedged = contains(q.stem(), HEDGE_WORDS);
                if (tf.answer()) {
                    keys++;
                    keysAbsolute += absolute ? 1 : 0;
                    keysHedged += hedged ? 1 : 0;
                } else {
                    distractors++;
                    distractorsAbsolute += absolute ? 1 : 0;
                    distractorsHedged += hedged ? 1 : 0;
                }
                continue;
            }
            if (!(q.body() instanceof Question.Choice choice)) {
                continue;
            }
            List<Question.Option> right = choice.options().stream().filter(o -> choice.correct().contains(o.id())).toList();
            List<Question.Option> wrong = choice.options().stream().filter(o -> !choice.correct().contains(o.id())).toList();
            boolean absoluteInKey = false;
            boolean absoluteInDistractor = false;
            boolean hedgeInKey = false;
            boolean hedgeInDistractor = false;
            for (Question.Option o : right) {
                keys++;
                if (contains(o.text(), ABSOLUTE_WORDS)) {
                    keysAbsolute++;
                    absoluteInKey = true;
                }
                if (contains(o.text(), HEDGE_WORDS)) {
                    keysHedged++;
                    hedgeInKey = true;
                }
            }
            for (Question.Option o : wrong) {
                distractors++;
                if (contains(o.text(), ABSOLUTE_WORDS)) {
                    distractorsAbsolute++;
                    absoluteInDistractor = true;
                }
                if (contains(o.text(), HEDGE_WORDS)) {
                    distractorsHedged++;
                    hedgeInDistractor = true;
                }
            }
            if (absoluteInDistractor && !absoluteInKey) {
                absolutesOnlyInDistractors.add(q);
            }
            if (hedgeInKey && !hedgeInDistractor) {
                hedgesOnlyInKeys.add(q);
            }
            for (Question.Option o : choice.options()) {
                Matcher above = ABOVE.matcher(o.text());
                if (above.find()) {
                    findings.add(finding(Rule.ALL_OR_NONE_OF_THE_ABOVE, q, lineOf(q, o), "option '" + o.id() + "' of " + q.id()
                            + " says \"" + above.group() + "\", which can be answered by logic about the other options; "
                            + "write a real answer instead"));
                }
            }
            checkStemOverlap(q, choice, findings);
            if (q.type() == QuestionType.MULTIPLE_RESPONSE || right.size() != 1 || wrong.isEmpty()) {
                continue;
            }
            singleAnswer++;
            Question.Option key = right.getFirst();
            int keyLength = length(key.text());
            double meanDistractor = wrong.stream().mapToInt(o -> length(o.text())).average().orElse(1);
            double ratio = keyLength / Math.max(1, meanDistractor);
            ratioSum += ratio;
            if (wrong.stream().allMatch(o -> length(o.text()) <= keyLength)) {
                keyLongest.add(q);
            }
            if (ratio > MAX_KEY_TO_DISTRACTOR_LENGTH) {
                overLimit++;
                findings.add(finding(Rule.KEY_LENGTH, q, lineOf(q, key), "the key '%s' of %s is %.2f× the mean length of its distractors (%d against %.1f characters); at most %.1f×: trim the key or give each distractor an equally specific clause"
                        .formatted(key.id(), q.id(), ratio, keyLength, meanDistractor, MAX_KEY_TO_DISTRACTOR_LENGTH)));
            }
        }
        String bankName = use == Question.Use.ASSESSMENT ? "assessment" : "knowledge-check";
        if (singleAnswer > 0 && keyLongest.size() > MAX_SHARE_KEY_LONGEST * singleAnswer) {
            findings.add(bankFinding(Rule.KEY_LONGEST, use, "the key is the longest option in %d of %d single-answer %s items (%.0f%%); at most %.0f%% (%d) may have it: shorten keys or lengthen distractors in some of %s"
                    .formatted(keyLongest.size(), singleAnswer, bankName, 100.0 * keyLongest.size() / singleAnswer,
                            MAX_SHARE_KEY_LONGEST * 100, (int) Math.floor(MAX_SHARE_KEY_LONGEST * singleAnswer), locations(keyLongest))));
        }
        Certainty absolutes = new Certainty(keys, keysAbsolute, distractors, distractorsAbsolute);
        Certainty hedges = new Certainty(keys, keysHedged, distractors, distractorsHedged);
        if (absolutes.gapPoints() > MAX_CERTAINTY_GAP_POINTS) {
            findings.add(bankFinding(Rule.ABSOLUTE_WORDS, use, certaintyMessage("absolute words (never, always, proves …)",
                    absolutes, bankName, absolutes.keyShare() < absolutes.distractorShare()
                            ? "items with absolute words only in distractors: " + locations(absolutesOnlyInDistractors)
                            : "write some distractors as firm as the keys")));
        }
        if (hedges.gapPoints() > MAX_CERTAINTY_GAP_POINTS) {
            findings.add(bankFinding(Rule.HEDGE_WORDS, use, certaintyMessage("hedges (may, might, not necessarily …)",
                    hedges, bankName, hedges.keyShare() > hedges.distractorShare()
                            ? "items with hedges only in keys: " + locations(hedgesOnlyInKeys)
                            : "hedge some keys where the course is unsure")));
        }
        return new Figures(use, singleAnswer, keyLongest.size(), singleAnswer == 0 ? 0 : ratioSum / singleAnswer, overLimit,
                absolutes, hedges, absolutesOnlyInDistractors.size(), hedgesOnlyInKeys.size());
    }

    private static String certaintyMessage(String words, Certainty c, String bankName, String where) {
        return "%s are in %.0f%% of keys (%d of %d) and %.0f%% of distractors (%d of %d) of %s items, %.0f points apart; at most %.0f points are allowed: write some firm keys and some hedged distractors; %s"
                .formatted(words, c.keyShare() * 100, c.keysWith(), c.keys(), c.distractorShare() * 100, c.distractorsWith(),
                        c.distractors(), bankName, c.gapPoints(), MAX_CERTAINTY_GAP_POINTS, where);
    }

    /**
     * A content word (5+ letters, not a stop word) of the scenario or stem that exactly one option repeats, that
     * option being a key: a learner can match words instead of knowing the answer.
     */
    private static void checkStemOverlap(Question q, Question.Choice choice, List<Finding> findings) {
        Set<String> stemWords = contentWords((q.scenario() == null ? "" : q.scenario() + " ") + q.stem());
        Map<String, List<Question.Option>> sharedBy = new LinkedHashMap<>();
        for (Question.Option o : choice.options()) {
            Set<String> optionWords = contentWords(o.text());
            for (String word : stemWords) {
                if (optionWords.stream().anyMatch(w -> sameWord(word, w))) {
                    sharedBy.computeIfAbsent(word, k -> new ArrayList<>()).add(o);
                }
            }
        }
        Map<Question.Option, List<String>> cues = new LinkedHashMap<>();
        sharedBy.forEach((word, options) -> {
            if (options.size() == 1 && choice.correct().contains(options.getFirst().id())) {
                cues.computeIfAbsent(options.getFirst(), k -> new ArrayList<>()).add(word);
            }
        });
        cues.forEach((key, words) -> findings.add(finding(Rule.STEM_WORD_IN_KEY_ONLY, q, lineOf(q, key), "only the key '"
                + key.id() + "' of " + q.id() + " repeats " + words.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", "))
                + " from the stem; paraphrase it in the key, or use it in a distractor too")));
    }

    /**
     * The words the stem-overlap test compares: lower case, at least {@link #MIN_CONTENT_WORD_LETTERS} letters, not a
     * stop word, with a possessive 's dropped and a plural folded ("studies" → "study", "regions" → "region").
     */
    static Set<String> contentWords(String text) {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String word = m.group().replaceAll("['’]s$", "");
            if (word.length() < MIN_CONTENT_WORD_LETTERS || STOP_WORDS.contains(word) || word.contains("'") || word.contains("’")) {
                continue;
            }
            if (word.endsWith("ies") && word.length() > 5) {
                word = word.substring(0, word.length() - 3) + "y";
            } else if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
                word = word.substring(0, word.length() - 1);
            }
            words.add(word);
        }
        return words;
    }

    /** Equal, or one begins with the other and the shorter has 6+ letters ("compassion" and "compassionate"). */
    static boolean sameWord(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return longer.equals(shorter) || (shorter.length() >= PREFIX_LETTERS && longer.startsWith(shorter));
    }

    /** Whether the text holds one of the words or phrases (whole words, any case). */
    public static boolean contains(String text, List<String> wordsOrPhrases) {
        return !matches(text, wordsOrPhrases).isEmpty();
    }

    /** The words or phrases of the list that the text holds. */
    public static List<String> matches(String text, List<String> wordsOrPhrases) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            words.add(m.group());
        }
        String joined = " " + String.join(" ", words) + " ";
        return wordsOrPhrases.stream().filter(w -> joined.contains(" " + w + " ")).toList();
    }

    /** An option's length as a learner sees it: characters, with runs of white space counted once. */
    public static int length(String text) {
        return text.strip().replaceAll("\\s+", " ").length();
    }

    private static int lineOf(Question q, Question.Option o) {
        return o.line() > 0 ? o.line() : q.line();
    }

    private static String locations(List<Question> items) {
        return items.stream().map(q -> q.id() + " (" + q.file() + ":" + q.line() + ")").collect(Collectors.joining(", "));
    }

    private static Finding finding(Rule rule, Question q, int line, String message) {
        return new Finding(rule, q.use(), new ContentProblem(q.file(), line, message));
    }

    private static Finding bankFinding(Rule rule, Question.Use use, String message) {
        return new Finding(rule, use, new ContentProblem("quizzes/", 0, message));
    }
}

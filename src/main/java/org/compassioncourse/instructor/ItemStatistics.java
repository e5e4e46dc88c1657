package org.compassioncourse.instructor;

import org.compassioncourse.quiz.Answer;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Classical item analysis of a test, in the spirit of Moodle's quiz statistics, computed in one pass over the
 * attempts (running sums only, so 10,000 learners cost no more memory than 10):
 * <ul>
 * <li>facility index: the mean score of an item (0–1);</li>
 * <li>discrimination index: Pearson correlation of the item score with the rest of the test (total minus the item);</li>
 * <li>per-option choice counts, for distractor analysis;</li>
 * <li>for matching, categorise and ordering: per pair or item, the share of responses that placed it correctly;</li>
 * <li>for the whole test: Cronbach's alpha over the blueprint slots (each attempt answers one question per slot,
 * so slots are the test's items) and the standard error of measurement, SD × √(1 − α), in percent.</li>
 * </ul>
 * Items are flagged too easy (facility above 0.9), too hard (below 0.2) or discriminating negatively.
 */
public final class ItemStatistics {

    public static final double TOO_EASY = 0.9;
    public static final double TOO_HARD = 0.2;
    /** Below this many responses facility and discrimination are noise, so no item is flagged from them. */
    public static final int MIN_RESPONSES_TO_FLAG = 10;
    public static final String TOO_FEW_RESPONSES = "too few responses to judge";

    /**
     * One question of an attempt: its score (0–1), blueprint slot, the options chosen (if any), for matching,
     * categorise and ordering which pairs or items it placed correctly (a part missing counts as wrong), and, when it
     * holds no answer, which kind ("I don't know yet" or not answered, as {@link Answer.NoAnswer} decides).
     */
    public record Response(String questionId, String slot, double score, Set<String> chosenOptions, Map<String, Boolean> partsPlaced,
                           Answer.@Nullable NoAnswer noAnswer) {
        public Response {
            partsPlaced = Map.copyOf(partsPlaced);
        }

        public Response(String questionId, String slot, double score, Set<String> chosenOptions, Map<String, Boolean> partsPlaced) {
            this(questionId, slot, score, chosenOptions, partsPlaced, null);
        }

        public Response(String questionId, String slot, double score, Set<String> chosenOptions) {
            this(questionId, slot, score, chosenOptions, Map.of());
        }
    }

    /**
     * The statistics of one question.
     *
     * @param partsPlacedCorrectly per pair or item id (matching, categorise, ordering), the share of responses (0–1)
     *                             that placed it correctly; empty for other types
     * @param noAnswers            how many responses held "I don't know yet" and how many were left blank (counted in
     *                             {@code responses} and scored 0)
     */
    public record ItemStat(String questionId, String slot, long responses, double facility, @Nullable Double discrimination,
                           Map<String, Long> optionCounts, Map<String, Double> partsPlacedCorrectly, List<String> flags,
                           Map<Answer.NoAnswer, Long> noAnswers) {

        public ItemStat {
            noAnswers = Map.copyOf(noAnswers);
        }

        public long count(Answer.NoAnswer which) {
            return noAnswers.getOrDefault(which, 0L);
        }
    }

    /** The whole report. */
    public record Report(long attempts, List<ItemStat> items, @Nullable Double cronbachAlpha,
                         @Nullable Double standardErrorPercent, double meanPercent) {
    }

    private static final class ItemSums {
        final String slot;
        long n;
        double x;
        double xx;
        double y;
        double yy;
        double xy;
        final Map<String, Long> options = new TreeMap<>();
        final Map<String, Long> partsRight = new TreeMap<>();
        final Map<Answer.NoAnswer, Long> noAnswers = new java.util.EnumMap<>(Answer.NoAnswer.class);

        ItemSums(String slot) {
            this.slot = slot;
        }
    }

    private final Map<String, ItemSums> items = new LinkedHashMap<>();
    private final Map<String, double[]> slotSums = new TreeMap<>();
    private long attempts;
    private int itemsPerAttempt;
    private double total;
    private double totalSquared;

    /** Adds one submitted attempt (all its responses). */
    public void add(List<Response> attempt) {
        if (attempt.isEmpty()) {
            return;
        }
        attempts++;
        itemsPerAttempt = Math.max(itemsPerAttempt, attempt.size());
        double sum = 0;
        for (Response response : attempt) {
            sum += response.score();
        }
        total += sum;
        totalSquared += sum * sum;
        for (Response response : attempt) {
            double rest = sum - response.score();
            ItemSums item = items.computeIfAbsent(response.questionId(), id -> new ItemSums(response.slot()));
            item.n++;
            item.x += response.score();
            item.xx += response.score() * response.score();
            item.y += rest;
            item.yy += rest * rest;
            item.xy += response.score() * rest;
            response.chosenOptions().forEach(option -> item.options.merge(option, 1L, Long::sum));
            response.partsPlaced().forEach((part, right) -> item.partsRight.merge(part, right ? 1L : 0L, Long::sum));
            if (response.noAnswer() != null) {
                item.noAnswers.merge(response.noAnswer(), 1L, Long::sum);
            }
            double[] slot = slotSums.computeIfAbsent(response.slot(), s -> new double[2]);
            slot[0] += response.score();
            slot[1] += response.score() * response.score();
        }
    }

    public Report report() {
        List<ItemStat> stats = new ArrayList<>();
        items.forEach((id, s) -> {
            double facility = s.x / s.n;
            Double discrimination = correlation(s.n, s.x, s.xx, s.y, s.yy, s.xy);
            List<String> flags = new ArrayList<>();
            if (s.n < MIN_RESPONSES_TO_FLAG) {
                flags.add(TOO_FEW_RESPONSES);
            } else if (facility > TOO_EASY) {
                flags.add("too easy");
            }
            if (s.n >= MIN_RESPONSES_TO_FLAG && facility < TOO_HARD) {
                flags.add("too hard");
            }
            if (s.n >= MIN_RESPONSES_TO_FLAG && discrimination != null && discrimination < 0) {
                flags.add("discriminates negatively");
            }
            Map<String, Double> parts = new TreeMap<>();
            // a response that did not place a part at all (e.g. "I don't know yet") counts as not placing it correctly
            s.partsRight.forEach((part, right) -> parts.put(part, (double) right / s.n));
            stats.add(new ItemStat(id, s.slot, s.n, facility, discrimination, Map.copyOf(s.options), Map.copyOf(parts), List.copyOf(flags), s.noAnswers));
        });
        Double alpha = null;
        Double sem = null;
        int k = slotSums.size();
        double mean = attempts == 0 ? 0 : total / attempts;
        if (attempts > 1 && k > 1) {
            double totalVariance = totalSquared / attempts - mean * mean;
            double itemVariances = 0;
            for (double[] slot : slotSums.values()) {
                double slotMean = slot[0] / attempts;
                itemVariances += slot[1] / attempts - slotMean * slotMean;
            }
            if (totalVariance > 0) {
                alpha = (double) k / (k - 1) * (1 - itemVariances / totalVariance);
                double sdPercent = Math.sqrt(totalVariance) * 100.0 / itemsPerAttempt;
                sem = sdPercent * Math.sqrt(Math.max(0, 1 - alpha));
            }
        }
        double meanPercent = itemsPerAttempt == 0 ? 0 : mean * 100.0 / itemsPerAttempt;
        return new Report(attempts, List.copyOf(stats), alpha, sem, meanPercent);
    }

    private static @Nullable Double correlation(long n, double x, double xx, double y, double yy, double xy) {
        double numerator = n * xy - x * y;
        double denominator = Math.sqrt(n * xx - x * x) * Math.sqrt(n * yy - y * y);
        if (n < 2 || denominator == 0 || Double.isNaN(denominator)) {
            return null;
        }
        return numerator / denominator;
    }
}

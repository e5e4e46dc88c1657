package org.compassioncourse.quiz;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.ItemWritingRules;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuestionType;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One sitting of the final by a learner who knows nothing, over many draws of the blueprint (the real
 * {@link AssessmentDraw} for a first attempt, the real {@link Grading}): either a test-wise learner who reads the
 * options' form, or a pure guesser for comparison. The test-wise learner
 * <ul>
 * <li>single choice and scenario: skips options with an absolute word ({@link ItemWritingRules#ABSOLUTE_WORDS}) unless
 * all have one, and picks the longest of the rest (ties at random);</li>
 * <li>multiple response: ticks the options without an absolute word that are at least as long as the mean option
 * (at least the longest such option);</li>
 * <li>true/false: "false" when the statement holds an absolute word, otherwise "true";</li>
 * <li>matching, categorise, ordering, hotspot: guesses, as the pure guesser does everywhere (one option, region or
 * arrangement uniformly at random; multiple response: each option ticked with probability one half, at least one).</li>
 * </ul>
 */
final class TestWiseSimulation {

    /** Pass rate and mean score (percent) over the simulated sittings. */
    record Result(int sittings, double passRate, double meanScore) {
    }

    enum Strategy { TEST_WISE, GUESS }

    private final Course course;
    private final List<Question> pool;

    TestWiseSimulation(Course course) {
        this.course = course;
        this.pool = course.questions().stream().filter(q -> q.use() == Question.Use.ASSESSMENT).toList();
    }

    Result run(Strategy strategy, int sittings, long seed) {
        Random random = new Random(seed);
        int passed = 0;
        double total = 0;
        for (int i = 0; i < sittings; i++) {
            List<String> drawn = AssessmentDraw.draw(pool, Map.of(), random);
            double sum = 0;
            for (String id : drawn) {
                Question question = course.question(id).orElseThrow();
                Answer answer = strategy == Strategy.TEST_WISE ? testWise(question, random) : guess(question, random);
                sum += Grading.grade(question, answer).score();
            }
            double percent = Math.round(sum * 1000.0 / drawn.size()) / 10.0;
            total += percent;
            if (percent >= course.passMark()) {
                passed++;
            }
        }
        return new Result(sittings, passed / (double) sittings, total / sittings);
    }

    Answer testWise(Question question, Random random) {
        return switch (question.body()) {
            case Question.Choice c when c.type() != QuestionType.MULTIPLE_RESPONSE -> {
                List<Question.Option> plain = withoutAbsolutes(c.options());
                int longest = plain.stream().mapToInt(o -> ItemWritingRules.length(o.text())).max().orElseThrow();
                List<Question.Option> candidates = plain.stream().filter(o -> ItemWritingRules.length(o.text()) == longest).toList();
                yield new Answer.Choices(Set.of(candidates.get(random.nextInt(candidates.size())).id()));
            }
            case Question.Choice c -> {
                List<Question.Option> plain = withoutAbsolutes(c.options());
                double mean = c.options().stream().mapToInt(o -> ItemWritingRules.length(o.text())).average().orElseThrow();
                Set<String> ticked = new HashSet<>();
                plain.stream().filter(o -> ItemWritingRules.length(o.text()) >= mean).forEach(o -> ticked.add(o.id()));
                if (ticked.isEmpty()) {
                    ticked.add(plain.stream().max(Comparator.comparingInt(o -> ItemWritingRules.length(o.text()))).orElseThrow().id());
                }
                yield new Answer.Choices(ticked);
            }
            case Question.TrueFalse t -> new Answer.TrueOrFalse(!ItemWritingRules.contains(question.stem(), ItemWritingRules.ABSOLUTE_WORDS));
            default -> guess(question, random);
        };
    }

    private static List<Question.Option> withoutAbsolutes(List<Question.Option> options) {
        List<Question.Option> plain = options.stream().filter(o -> !ItemWritingRules.contains(o.text(), ItemWritingRules.ABSOLUTE_WORDS)).toList();
        return plain.isEmpty() ? options : plain;
    }

    Answer guess(Question question, Random random) {
        return switch (question.body()) {
            case Question.Choice c when c.type() != QuestionType.MULTIPLE_RESPONSE ->
                    new Answer.Choices(Set.of(c.options().get(random.nextInt(c.options().size())).id()));
            case Question.Hotspot h -> {
                List<String> regions = course.figures().stream().filter(f -> f.id().equals(h.figureId())).findFirst()
                        .orElseThrow().regionIds();
                yield new Answer.Region(regions.get(random.nextInt(regions.size())));
            }
            default -> RandomAnswers.blind(question, random);
        };
    }
}

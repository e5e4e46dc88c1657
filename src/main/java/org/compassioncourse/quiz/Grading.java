package org.compassioncourse.quiz;

import org.compassioncourse.content.Figure;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuestionType;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks and scores answers on the server. An answer that does not fit its question is refused before anything
 * is stored. Partial credit:
 * <ul>
 * <li>single choice, scenario, true/false, hotspot: 1 or 0;</li>
 * <li>multiple response: (right options ticked − wrong options ticked) ÷ number of right options, at least 0;</li>
 * <li>matching and categorise: the share of pairs or items placed correctly;</li>
 * <li>ordering: the share of neighbouring pairs that stand in the right order;</li>
 * <li>"I don't know yet" and a pre-test question left unanswered: 0.</li>
 * </ul>
 */
public final class Grading {

    private Grading() {
    }

    /** Refuses an answer that does not fit the question, with a message for the learner. */
    public static void check(Question question, Answer answer, Figure figureOfHotspot) {
        Question.Body body = question.body();
        switch (body) {
            case Question.Choice choice -> {
                if (!(answer instanceof Answer.Choices choices)) {
                    throw wrongShape(question);
                }
                Set<String> known = new HashSet<>(choice.options().stream().map(Question.Option::id).toList());
                for (String id : choices.optionIds()) {
                    if (!known.contains(id)) {
                        throw new AnswerRejectedException("That option is not part of this question. Reload the page and answer again.");
                    }
                }
                if (choice.type() != QuestionType.MULTIPLE_RESPONSE && choices.optionIds().size() != 1) {
                    throw new AnswerRejectedException("Choose exactly one answer.");
                }
                if (choices.optionIds().isEmpty()) {
                    throw new AnswerRejectedException("Tick at least one answer.");
                }
            }
            case Question.TrueFalse ignored -> {
                if (!(answer instanceof Answer.TrueOrFalse)) {
                    throw wrongShape(question);
                }
            }
            case Question.Matching matching -> {
                if (!(answer instanceof Answer.Matches matches)) {
                    throw wrongShape(question);
                }
                Set<String> ids = new HashSet<>(matching.pairs().stream().map(Question.Pair::id).toList());
                if (!matches.rightByLeft().keySet().equals(ids) || !ids.containsAll(matches.rightByLeft().values())) {
                    throw new AnswerRejectedException("Match every item on the left with one on the right.");
                }
            }
            case Question.Categorise categorise -> {
                if (!(answer instanceof Answer.Categories categories)) {
                    throw wrongShape(question);
                }
                Set<String> items = new HashSet<>(categorise.items().stream().map(Question.Item::id).toList());
                Set<String> known = new HashSet<>(categorise.categories().stream().map(Question.Category::id).toList());
                if (!categories.categoryByItem().keySet().equals(items) || !known.containsAll(categories.categoryByItem().values())) {
                    throw new AnswerRejectedException("Put every statement into one of the categories.");
                }
            }
            case Question.Ordering ordering -> {
                if (!(answer instanceof Answer.Order order)) {
                    throw wrongShape(question);
                }
                List<String> ids = ordering.items().stream().map(Question.Item::id).toList();
                if (order.itemIds().size() != ids.size() || !new HashSet<>(order.itemIds()).equals(new HashSet<>(ids))) {
                    throw new AnswerRejectedException("Put every item in the list in an order.");
                }
            }
            case Question.Hotspot hotspot -> {
                if (!(answer instanceof Answer.Region region)) {
                    throw wrongShape(question);
                }
                if (figureOfHotspot == null || !figureOfHotspot.regionIds().contains(region.regionId())) {
                    throw new AnswerRejectedException("Choose one of the regions on the figure.");
                }
            }
        }
    }

    /** Scores an answer already checked with {@link #check}. */
    public static Grade grade(Question question, Answer answer) {
        if (answer.blank()) {
            return new Grade(0, Map.of());
        }
        return switch (question.body()) {
            case Question.Choice choice -> gradeChoice(choice, (Answer.Choices) answer);
            case Question.TrueFalse trueFalse -> {
                boolean right = trueFalse.answer() == ((Answer.TrueOrFalse) answer).value();
                yield new Grade(right ? 1 : 0, Map.of(String.valueOf(((Answer.TrueOrFalse) answer).value()), right));
            }
            case Question.Matching matching -> {
                Map<String, Boolean> parts = new HashMap<>();
                Map<String, String> chosen = ((Answer.Matches) answer).rightByLeft();
                matching.pairs().forEach(p -> parts.put(p.id(), p.id().equals(chosen.get(p.id()))));
                yield share(parts);
            }
            case Question.Categorise categorise -> {
                Map<String, Boolean> parts = new HashMap<>();
                Map<String, String> chosen = ((Answer.Categories) answer).categoryByItem();
                categorise.items().forEach(i -> parts.put(i.id(), i.category().equals(chosen.get(i.id()))));
                yield share(parts);
            }
            case Question.Ordering ordering -> gradeOrder(ordering, (Answer.Order) answer);
            case Question.Hotspot hotspot -> {
                String region = ((Answer.Region) answer).regionId();
                boolean right = hotspot.answerRegion().equals(region);
                yield new Grade(right ? 1 : 0, Map.of(region, right));
            }
        };
    }

    private static Grade gradeChoice(Question.Choice choice, Answer.Choices answer) {
        Map<String, Boolean> parts = new HashMap<>();
        int rightTicked = 0;
        int wrongTicked = 0;
        for (String id : answer.optionIds()) {
            boolean right = choice.correct().contains(id);
            parts.put(id, right);
            if (right) {
                rightTicked++;
            } else {
                wrongTicked++;
            }
        }
        double score = Math.max(0, (double) (rightTicked - wrongTicked) / choice.correct().size());
        return new Grade(score, parts);
    }

    private static Grade gradeOrder(Question.Ordering ordering, Answer.Order answer) {
        List<String> correct = ordering.items().stream().map(Question.Item::id).toList();
        List<String> given = answer.itemIds();
        Map<String, Boolean> parts = new HashMap<>();
        int rightPairs = 0;
        for (int i = 0; i < given.size() - 1; i++) {
            boolean inOrder = correct.indexOf(given.get(i)) < correct.indexOf(given.get(i + 1));
            if (inOrder) {
                rightPairs++;
            }
        }
        for (int i = 0; i < given.size(); i++) {
            parts.put(given.get(i), correct.get(i).equals(given.get(i)));
        }
        return new Grade((double) rightPairs / (given.size() - 1), parts);
    }

    private static Grade share(Map<String, Boolean> parts) {
        long right = parts.values().stream().filter(b -> b).count();
        return new Grade((double) right / parts.size(), parts);
    }

    private static AnswerRejectedException wrongShape(Question question) {
        return new AnswerRejectedException("This answer does not fit a " + question.type().yamlName().replace('-', ' ') + " question.");
    }
}

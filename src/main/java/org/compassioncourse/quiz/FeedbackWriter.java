package org.compassioncourse.quiz;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.Reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes the feedback of an answered question from the bank: key, per-part explanations, lesson section, citation. */
final class FeedbackWriter {

    private FeedbackWriter() {
    }

    /**
     * An option, judged by what the learner did with it: the mark beside it is right when they chose an option of the
     * key or left out one that is not, so an option rightly left unticked never reads as a mistake.
     */
    private static String choiceNote(boolean inKey, boolean chosen) {
        if (inKey) {
            return chosen ? "a right answer, your choice" : "a right answer you did not choose";
        }
        return chosen ? "not a right answer, your choice" : "not a right answer, rightly left out";
    }

    /** Several right options as one line: sentences stay sentences ("A. B."), phrases are separated ("A; B"), never "A.; B". */
    static String joinedAnswers(List<String> answers) {
        boolean sentences = answers.stream().allMatch(a -> a.strip().matches(".*[.!?]$"));
        return String.join(sentences ? " " : "; ", answers.stream().map(String::strip).toList());
    }

    private static String placementNote(boolean right) {
        return right ? "you placed this correctly" : "you placed this differently";
    }


    static QuestionFeedback of(Course course, Question question, Answer answer, Grade grade) {
        List<QuestionFeedback.Line> lines = new ArrayList<>();
        String key;
        switch (question.body()) {
            case Question.Choice choice -> {
                Answer.Choices chosen = answer instanceof Answer.Choices c ? c : new Answer.Choices(java.util.Set.of());
                for (Question.Option option : choice.options()) {
                    boolean right = choice.correct().contains(option.id());
                    boolean picked = chosen.optionIds().contains(option.id());
                    lines.add(new QuestionFeedback.Line(option.text(), choiceNote(right, picked), right == picked, option.feedback(), picked));
                }
                key = joinedAnswers(choice.options().stream().filter(o -> choice.correct().contains(o.id())).map(Question.Option::text).toList());
            }
            case Question.TrueFalse trueFalse -> {
                Boolean said = answer instanceof Answer.TrueOrFalse t ? t.value() : null;
                boolean saidTrue = Boolean.TRUE.equals(said);
                boolean saidFalse = Boolean.FALSE.equals(said);
                lines.add(new QuestionFeedback.Line("True", choiceNote(trueFalse.answer(), saidTrue), trueFalse.answer() == saidTrue, trueFalse.feedbackIfTrue(), saidTrue));
                lines.add(new QuestionFeedback.Line("False", choiceNote(!trueFalse.answer(), saidFalse), !trueFalse.answer() == saidFalse, trueFalse.feedbackIfFalse(), saidFalse));
                key = trueFalse.answer() ? "True" : "False";
            }
            case Question.Matching matching -> {
                Map<String, String> chosen = answer instanceof Answer.Matches m ? m.rightByLeft() : Map.of();
                for (Question.Pair pair : matching.pairs()) {
                    boolean right = pair.id().equals(chosen.get(pair.id()));
                    lines.add(new QuestionFeedback.Line(pair.left() + " → " + pair.right(), placementNote(right), right, pair.feedback()));
                }
                key = matching.pairs().stream().map(p -> p.left() + " → " + p.right()).collect(Collectors.joining("; "));
            }
            case Question.Categorise categorise -> {
                Map<String, String> chosen = answer instanceof Answer.Categories c ? c.categoryByItem() : Map.of();
                Map<String, String> labels = categorise.categories().stream()
                        .collect(Collectors.toMap(Question.Category::id, Question.Category::label));
                for (Question.Item item : categorise.items()) {
                    boolean right = item.category().equals(chosen.get(item.id()));
                    lines.add(new QuestionFeedback.Line(item.text() + " → " + labels.get(item.category()), placementNote(right), right, item.feedback()));
                }
                key = categorise.items().stream().map(i -> i.text() + " → " + labels.get(i.category())).collect(Collectors.joining("; "));
            }
            case Question.Ordering ordering -> {
                // one line per neighbouring pair of the learner's order, marked as Grading scores it (the pair stands in
                // the key's order or not), so the marks and the score never disagree
                List<String> given = answer instanceof Answer.Order o ? o.itemIds() : List.of();
                List<String> keyOrder = ordering.items().stream().map(Question.Item::id).toList();
                Map<String, Question.Item> items = ordering.items().stream().collect(Collectors.toMap(Question.Item::id, i -> i));
                for (int i = 0; i + 1 < given.size(); i++) {
                    Question.Item before = items.get(given.get(i));
                    Question.Item after = items.get(given.get(i + 1));
                    boolean inOrder = keyOrder.indexOf(before.id()) < keyOrder.indexOf(after.id());
                    String text = (i == 0 ? before.feedback() + " " : "") + after.feedback();
                    lines.add(new QuestionFeedback.Line((i + 1) + ". " + before.text() + " → " + (i + 2) + ". " + after.text(),
                            inOrder ? "this pair is in the right order" : "this pair is the wrong way round", inOrder, text.strip()));
                }
                key = ordering.items().stream().map(Question.Item::text).collect(Collectors.joining(" → "));
            }
            case Question.Hotspot hotspot -> {
                if (answer instanceof Answer.Region(String clicked)) {
                    boolean right = hotspot.answerRegion().equals(clicked);
                    String text = right ? hotspot.feedbackCorrect()
                            : hotspot.regionFeedback().getOrDefault(clicked, hotspot.feedbackIncorrect());
                    lines.add(new QuestionFeedback.Line(course.regions().get(clicked).name(), right ? "your choice, right" : "your choice, not the one asked for", right, text, true));
                }
                key = course.regions().get(hotspot.answerRegion()).name();
            }
        }
        if (answer.noAnswer() != null) {
            lines.addFirst(new QuestionFeedback.Line(answer.noAnswer().label(), "your answer", false,
                    "Counted as not right. The section named below teaches it."));
        }
        String sectionTitle = course.sectionLabel(question.lessonId(), question.sectionId());
        Reference reference = question.referenceId() == null ? null : course.references().get(question.referenceId());
        return new QuestionFeedback(question.id(), grade.score(), grade.fullyCorrect(), key, List.copyOf(lines),
                question.lessonId(), question.sectionId(), sectionTitle, reference == null ? "" : reference.citation());
    }
}

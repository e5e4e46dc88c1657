package org.compassioncourse.quiz.ui;

import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.AttemptPaper;
import org.compassioncourse.quiz.QuestionFeedback;
import org.compassioncourse.quiz.QuestionPaper;
import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the quiz page knows of the learner's answers: those recorded (from the attempt's paper and this page), their
 * feedback, and on a knowledge check the answers chosen but not checked yet. A card rebuilt when the learner comes
 * back shows them, and the answered count reads them.
 */
final class AnswersOnPage {

    private final Map<String, Long> shownAt = new HashMap<>();
    private final Map<String, Answer> answers = new HashMap<>();
    private final Map<String, QuestionFeedback> feedback = new HashMap<>();
    private final Set<String> recorded = new HashSet<>();
    /** Knowledge check: answers chosen but not checked on a question the learner moved away from; finishing records them. */
    private final Map<String, Answer> drafts = new HashMap<>();
    /** Knowledge check: questions answered on the page but not checked yet; finishing checks them, so they count as answered. */
    private final Set<String> chosenNotChecked = new HashSet<>();

    void load(AttemptPaper paper) {
        answers.putAll(paper.answers());
        feedback.putAll(paper.feedback());
        recorded.addAll(paper.answers().keySet());
    }

    boolean isRecorded(String questionId) {
        return recorded.contains(questionId);
    }

    @Nullable Answer answer(String questionId) {
        return answers.get(questionId);
    }

    @Nullable QuestionFeedback feedback(String questionId) {
        return feedback.get(questionId);
    }

    @Nullable Answer draft(String questionId) {
        return drafts.get(questionId);
    }

    /** A card shows an answer recorded on an earlier visit: it counts as recorded. */
    void markRecorded(String questionId) {
        recorded.add(questionId);
    }

    /** The answer is recorded on the server; a draft or unchecked choice for the question is settled by it. */
    void record(String questionId, Answer answer) {
        recorded.add(questionId);
        answers.put(questionId, answer);
        drafts.remove(questionId);
        chosenNotChecked.remove(questionId);
    }

    /** The recorded answer changed (the learner unticked "I don't know yet" on an answer they had chosen). */
    void replaceAnswer(String questionId, Answer answer) {
        answers.put(questionId, answer);
    }

    void recordFeedback(String questionId, QuestionFeedback given) {
        feedback.put(questionId, given);
    }

    /** The answer was taken back on the server (pre-test: "I don't know yet" unticked with nothing chosen). */
    void takeBack(String questionId) {
        recorded.remove(questionId);
        answers.remove(questionId);
    }

    /** The learner tries the question again: nothing of the earlier answer is kept. */
    void forget(String questionId) {
        takeBack(questionId);
        feedback.remove(questionId);
        drafts.remove(questionId);
        chosenNotChecked.remove(questionId);
    }

    void keepDraft(String questionId, Answer answer) {
        drafts.put(questionId, answer);
    }

    void dropDraft(String questionId) {
        drafts.remove(questionId);
    }

    void chosen(String questionId, boolean chosen) {
        if (chosen) {
            chosenNotChecked.add(questionId);
        } else {
            chosenNotChecked.remove(questionId);
        }
    }

    /** The card with unchecked choices left the page; its choice is kept as a draft, which the count reads. */
    void clearChosen() {
        chosenNotChecked.clear();
    }

    void shown(String questionId) {
        shownAt.put(questionId, System.currentTimeMillis());
    }

    /** Milliseconds since the question's card was shown. */
    long elapsed(String questionId) {
        return System.currentTimeMillis() - shownAt.getOrDefault(questionId, System.currentTimeMillis());
    }

    /** "3 of 10 answered (1 not checked yet) (1 with "I don't know yet")". */
    String answeredCount(List<QuestionPaper> questions) {
        long answered = questions.stream().filter(q -> recorded.contains(q.id())).count();
        long dontKnow = questions.stream().filter(q -> recorded.contains(q.id()) && answers.get(q.id()) instanceof Answer.DontKnowYet).count();
        // chosen but not checked: finishing the check records these too, so the count must not say they are missing
        long notChecked = questions.stream().filter(q -> !recorded.contains(q.id())
                && (chosenNotChecked.contains(q.id()) || drafts.containsKey(q.id()))).count();
        return (answered + notChecked) + " of " + questions.size() + " answered"
                + (notChecked == 0 ? "" : " (" + notChecked + " not checked yet)")
                + (dontKnow == 0 ? "" : " (" + dontKnow + " with \"" + Answer.NoAnswer.DONT_KNOW_YET.label() + "\")");
    }
}

package org.compassioncourse.quiz;

import org.compassioncourse.content.QuizSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The signed-in learner's quiz results as one page reads them, built by {@link QuizResults#myScores()} from one query:
 * every submitted attempt, the attempt that counts per quiz (decided by CountedResults under the course's counting rule),
 * the best knowledge-check score per lesson and the knowledge checks tried.
 *
 * @param submitted every submitted attempt, oldest first
 * @param counted the counting attempt per quiz kind, for the kinds with a submitted attempt
 * @param bestKnowledgeCheck the best knowledge-check score (percent) per lesson id
 * @param knowledgeChecksTried lessons whose knowledge check has at least one answer, finished or not
 */
public record QuizScores(List<AttemptScore> submitted, Map<QuizSettings.Kind, AttemptScore> counted,
                         Map<String, Double> bestKnowledgeCheck, Set<String> knowledgeChecksTried) {

    public QuizScores {
        submitted = List.copyOf(submitted);
        counted = Map.copyOf(counted);
        bestKnowledgeCheck = Map.copyOf(bestKnowledgeCheck);
        knowledgeChecksTried = Set.copyOf(knowledgeChecksTried);
    }

    /** The submitted attempts at one quiz, oldest first. */
    public List<AttemptScore> of(QuizSettings.Kind kind) {
        return submitted.stream().filter(s -> s.kind() == kind).toList();
    }

    public Optional<AttemptScore> counted(QuizSettings.Kind kind) {
        return Optional.ofNullable(counted.get(kind));
    }

    /** Whether the learner has passed the final assessment: its counted attempt passed (the one rule, in CountedResults). */
    public boolean passedFinal() {
        return counted(QuizSettings.Kind.FINAL_ASSESSMENT).map(s -> Boolean.TRUE.equals(s.passed())).orElse(false);
    }

    /** When the final assessment was first passed: the completion's date. */
    public Optional<java.time.Instant> finalFirstPassedAt() {
        return passedFinal() ? of(QuizSettings.Kind.FINAL_ASSESSMENT).stream().filter(s -> Boolean.TRUE.equals(s.passed()))
                .map(AttemptScore::submittedAt).min(java.util.Comparator.naturalOrder()) : Optional.empty();
    }

    /** Normalised learning gain between the counted pre-test and final, once both exist ({@link LearningGain}). */
    public Optional<Double> learningGain() {
        AttemptScore pre = counted.get(QuizSettings.Kind.PRE_TEST);
        AttemptScore post = counted.get(QuizSettings.Kind.FINAL_ASSESSMENT);
        return pre == null || post == null ? Optional.empty() : LearningGain.normalised(pre.scorePercent(), post.scorePercent());
    }
}

package org.compassioncourse.quiz;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A learner's quiz results as {@link QuizScores}, built from one read of their attempts. Pages ask
 * {@link QuizResults#myScores()}; this takes the user id because it also serves event listeners acting for that user
 * (a completion recorded after the final is passed, or again at start-up), where nobody is signed in.
 */
@Component
public class LearnerScores {

    private final Course course;
    private final QuizAttemptRepository attempts;
    private final QuizResponseRepository responses;
    private final TransactionTemplate transaction;

    LearnerScores(Course course, QuizAttemptRepository attempts, QuizResponseRepository responses,
                  PlatformTransactionManager transactionManager) {
        this.course = course;
        this.attempts = attempts;
        this.responses = responses;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** This learner's scores, the counting attempt per quiz, best knowledge-check scores and knowledge checks tried. */
    public QuizScores of(long userId) {
        return Objects.requireNonNull(transaction.execute(status -> of(attempts.findByUserIdOrderByStartedAtAsc(userId))));
    }

    /** @param all every attempt of the learner, oldest first */
    QuizScores of(List<QuizAttempt> all) {
        List<AttemptScore> submitted = all.stream().filter(a -> a.submittedAt() != null)
                .map(a -> new AttemptScore(a.id(), a.kind(), a.lessonId(), a.scorePercent() == null ? 0 : a.scorePercent(), a.passed(),
                        Objects.requireNonNull(a.submittedAt())))
                .toList();
        Map<QuizSettings.Kind, AttemptScore> counted = new EnumMap<>(QuizSettings.Kind.class);
        for (QuizSettings.Kind kind : QuizSettings.Kind.values()) {
            CountedResults.counted(course.quiz(kind).counts(), submitted.stream().filter(s -> s.kind() == kind).toList(),
                            AttemptScore::scorePercent, s -> Boolean.TRUE.equals(s.passed()))
                    .ifPresent(s -> counted.put(kind, s));
        }
        Map<String, Double> best = new HashMap<>();
        Set<String> tried = new HashSet<>();
        for (AttemptScore score : submitted) {
            if (score.kind() == QuizSettings.Kind.KNOWLEDGE_CHECK && score.lessonId() != null) {
                best.merge(score.lessonId(), score.scorePercent(), Math::max);
                tried.add(score.lessonId()); // a submitted knowledge check has every question answered
            }
        }
        // an unsubmitted knowledge check counts as tried once it has an answer: one query for all of them
        List<QuizAttempt> unsubmitted = all.stream().filter(a -> a.kind() == QuizSettings.Kind.KNOWLEDGE_CHECK && a.submittedAt() == null
                && a.lessonId() != null && !tried.contains(a.lessonId())).toList();
        if (!unsubmitted.isEmpty()) {
            Set<Long> answered = new HashSet<>(responses.attemptsWithAnswers(unsubmitted.stream().map(QuizAttempt::id).toList()));
            unsubmitted.stream().filter(a -> answered.contains(a.id())).forEach(a -> tried.add(a.lessonId()));
        }
        return new QuizScores(submitted, counted, best, tried);
    }
}

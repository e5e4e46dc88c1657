package org.compassioncourse.review;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.Question;
import org.compassioncourse.progress.LessonCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts a finished lesson's knowledge-check questions into the learner's deck (never assessment items: their pool
 * must stay unseen), and at start-up retires the cards of questions no longer in the bank.
 */
@Component
class DeckEnrolment {

    private static final Logger LOG = LoggerFactory.getLogger(DeckEnrolment.class);

    private final Course course;
    private final ReviewCardRepository cards;
    private final Clock clock;

    private final TransactionTemplate transaction;

    DeckEnrolment(Course course, ReviewCardRepository cards, Clock clock, PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.course = course;
        this.cards = cards;
        this.clock = clock;
    }

    @EventListener
    public void onLessonCompleted(LessonCompleted completed) {
        try {
            transaction.executeWithoutResult(status -> enrol(completed.userId(), completed.lessonId()));
        } catch (RuntimeException notNow) {
            // the lesson is completed either way; completing it again (or a second tab that did) enrols the rest
            LOG.warn("Could not add lesson {} to the review deck of user {} now: {}", completed.lessonId(),
                    completed.userId(), notNow.toString());
        }
    }

    /** Idempotent: a question already in the deck keeps its card and history. */
    void enrol(long userId, String lessonId) {
        List<Question> checks = knowledgeChecksOf(course, lessonId);
        if (checks.isEmpty()) {
            return;
        }
        Set<String> present = new HashSet<>();
        cards.findByUserIdAndQuestionIdIn(userId, checks.stream().map(Question::id).toList())
                .forEach(card -> present.add(card.questionId()));
        Instant now = clock.instant();
        for (Question question : checks) {
            if (!present.contains(question.id())) {
                // first due a day later: the lesson's own knowledge check was the massed practice
                cards.save(new ReviewCard(userId, question.id(), lessonId, question.objective(), course.version(),
                        now.plus(java.time.Duration.ofDays(1))));
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void retireRemovedQuestions() {
        transaction.executeWithoutResult(status -> retireCardsOfRemovedQuestions());
    }

    private void retireCardsOfRemovedQuestions() {
        Set<String> inBank = new HashSet<>();
        course.questions().stream().filter(q -> q.use() == Question.Use.KNOWLEDGE_CHECK).forEach(q -> inBank.add(q.id()));
        List<String> gone = cards.activeQuestionIds().stream().filter(id -> !inBank.contains(id)).toList();
        if (!gone.isEmpty()) {
            int retired = cards.retireQuestions(gone);
            LOG.info("Retired {} review cards of {} questions no longer in the bank", retired, gone.size());
        }
    }

    static List<Question> knowledgeChecksOf(Course course, String lessonId) {
        return course.questions().stream()
                .filter(q -> q.use() == Question.Use.KNOWLEDGE_CHECK && q.lessonId().equals(lessonId))
                .toList();
    }
}

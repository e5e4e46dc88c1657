package org.compassioncourse.review;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.LessonCompleted;
import org.compassioncourse.quiz.AttemptSubmitted;
import org.compassioncourse.quiz.KnowledgeCheckAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts a finished lesson's knowledge-check questions into the learner's deck (never assessment items: their pool
 * must stay unseen), and at start-up retires the cards of questions no longer in the bank.
 * <p>
 * The learner's knowledge-check answer to a question counts as its card's first review (right → Good, otherwise
 * Again), so the deck starts graduated: each card comes back in days, not minutes. This happens when the lesson is
 * finished (answers given before) and when a knowledge check is submitted (answers given after); a card already
 * reviewed in the deck keeps its schedule. A card enters the deck due a day later at the earliest. Both run after the
 * event's transaction commits, in their own; one that fails is run again at the next start-up (Modulith's registry).
 */
@Component
class DeckEnrolment {

    private static final Logger LOG = LoggerFactory.getLogger(DeckEnrolment.class);

    private final Course course;
    private final ReviewCardRepository cards;
    private final Clock clock;
    private final KnowledgeCheckAnswers knowledgeCheckAnswers;
    private final FsrsScheduler scheduler;

    private final TransactionTemplate transaction;

    DeckEnrolment(Course course, ReviewCardRepository cards, Clock clock, PlatformTransactionManager transactionManager,
                  KnowledgeCheckAnswers knowledgeCheckAnswers) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.course = course;
        this.cards = cards;
        this.clock = clock;
        this.knowledgeCheckAnswers = knowledgeCheckAnswers;
        this.scheduler = new FsrsScheduler(course.review().desiredRetention());
    }

    /** After the lesson's completion commits, in its own transaction; a failure leaves the publication to be run again. */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onLessonCompleted(LessonCompleted completed) {
        enrol(completed.userId(), completed.lessonId());
    }

    /** A submitted knowledge check: its answers become the first review of cards already in the deck. */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onKnowledgeCheckSubmitted(AttemptSubmitted submitted) {
        if (submitted.kind() == QuizSettings.Kind.KNOWLEDGE_CHECK) {
            countKnowledgeCheckAnswers(submitted.userId(), cards.findByUserIdAndRepsAndRetiredFalse(submitted.userId(), 0));
        }
    }

    /** Idempotent: a question already in the deck keeps its card and history. */
    void enrol(long userId, String lessonId) {
        List<Question> checks = knowledgeChecksOf(course, lessonId);
        if (checks.isEmpty()) {
            return;
        }
        Set<String> present = new HashSet<>();
        List<ReviewCard> unreviewed = new java.util.ArrayList<>();
        cards.findByUserIdAndQuestionIdIn(userId, checks.stream().map(Question::id).toList()).forEach(card -> {
            present.add(card.questionId());
            if (card.reps() == 0 && !card.retired()) {
                unreviewed.add(card);
            }
        });
        Instant now = clock.instant();
        for (Question question : checks) {
            if (!present.contains(question.id())) {
                // without a knowledge-check answer, first due a day later: the lesson itself was the massed practice
                unreviewed.add(cards.save(new ReviewCard(userId, question.id(), lessonId, question.objective(), course.version(),
                        now.plus(Duration.ofDays(1)))));
            }
        }
        countKnowledgeCheckAnswers(userId, unreviewed);
    }

    /** The latest knowledge-check answer to each unreviewed card's question becomes that card's first review. */
    private void countKnowledgeCheckAnswers(long userId, List<ReviewCard> unreviewed) {
        if (unreviewed.isEmpty()) {
            return;
        }
        Map<String, KnowledgeCheckAnswers.Latest> answers = knowledgeCheckAnswers.latest(userId,
                unreviewed.stream().map(ReviewCard::questionId).toList());
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
        for (ReviewCard card : unreviewed) {
            KnowledgeCheckAnswers.Latest answer = answers.get(card.questionId());
            if (answer != null) {
                FsrsScheduler.Card first = scheduler.firstReviewElsewhere(ReviewRating.ofKnowledgeCheck(answer.right()),
                        answer.answeredAt());
                // a card joins the deck a day on at the earliest, however long ago the knowledge check was
                card.apply(first.due().isBefore(tomorrow) ? withDue(first, tomorrow) : first);
                cards.save(card);
            }
        }
    }

    private static FsrsScheduler.Card withDue(FsrsScheduler.Card card, Instant due) {
        return new FsrsScheduler.Card(card.state(), card.step(), card.stability(), card.difficulty(), due, card.lastReview(),
                card.reps(), card.lapses());
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

package org.compassioncourse.review;

import org.compassioncourse.security.SignedInUser;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Question;
import org.compassioncourse.quiz.AnswerRejectedException;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.KnowledgeCheckMarking;
import org.compassioncourse.quiz.QuestionFeedback;
import org.compassioncourse.quiz.QuestionPaper;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in learner's review deck: how many cards are due, a session of due cards, answering one (graded on
 * the server, rated from the answer and the learner's sureness, rescheduled with FSRS-6) and practice of a lesson
 * that leaves the schedule alone. Every call acts on the signed-in user's own cards; another's is "not found".
 * <p>
 * Due means due today in the learner's time zone (which the view passes in): a card falling due at 15:00 counts
 * from the morning, so the count does not creep up while the learner works. Within a day it only falls: a right
 * answer moves a card to a later day, a wrong one stays in today's count until its one repeat.
 */
@Service
@PreAuthorize("hasAnyRole('LEARNER', 'INSTRUCTOR')")
public class ReviewService {

    private final Course course;
    private final ReviewCardRepository cards;
    private final ReviewLogRepository logs;
    private final SignedInUser signedInUser;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final FsrsScheduler scheduler;

    ReviewService(Course course, ReviewCardRepository cards, ReviewLogRepository logs, SignedInUser signedInUser,
                  PlatformTransactionManager transactionManager, Clock clock) {
        this.course = course;
        this.cards = cards;
        this.logs = logs;
        this.signedInUser = signedInUser;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.scheduler = new FsrsScheduler(course.review().desiredRetention());
    }

    /** One card of a session: the question without its key, and the review number a submission must carry. */
    public record ReviewItem(long cardId, int reviewNumber, String lessonTitle, QuestionPaper paper) {
    }

    /**
     * The result of answering a card: its feedback, the rating given and when it is next due (an instant: the view
     * writes it in the reader's time zone). {@code alreadyRated} when this submission had been rated before (a
     * double click, a second tab): the schedule was not moved again.
     */
    public record ReviewOutcome(long cardId, String questionId, QuestionFeedback feedback, FsrsScheduler.Rating rating,
                                Instant nextDue, boolean alreadyRated) {
    }

    /** One card of the learner's deck, with every rating it got: part of the learner's copy of their own data. */
    public record DeckEntry(String questionId, String lessonId, Instant due, boolean retired, List<Rated> reviews) {
    }

    /** One rating of a card. */
    public record Rated(Instant reviewedAt, String rating) {
    }

    /** The signed-in learner's whole deck (two queries, whatever its size). */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public List<DeckEntry> myDeck() {
        List<ReviewCard> mine = cards.findByUserIdOrderByIdAsc(me());
        java.util.Map<Long, List<Rated>> byCard = new java.util.HashMap<>();
        if (!mine.isEmpty()) {
            logs.findByCardIdInOrderByReviewedAtAsc(mine.stream().map(ReviewCard::id).toList()).forEach(log ->
                    byCard.computeIfAbsent(log.cardId(), k -> new ArrayList<>()).add(new Rated(log.reviewedAt(), log.rating().name())));
        }
        return mine.stream().map(card -> new DeckEntry(card.questionId(), card.lessonId(), card.due(), card.retired(),
                List.copyOf(byCard.getOrDefault(card.id(), List.of())))).toList();
    }

    /** How many of the learner's cards are due today, in their time zone. */
    public long dueCount(ZoneId zone) {
        return cards.countByUserIdAndRetiredFalseAndDueLessThan(me(), endOfToday(zone));
    }

    /** When the learner's next card falls due once nothing is due today; empty with an empty deck. */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public Optional<Instant> nextDue() {
        return cards.findFirstByUserIdAndRetiredFalseOrderByDueAsc(me()).map(ReviewCard::due);
    }

    /** Up to the course's session size of cards due today, the longest overdue first. */
    public List<ReviewItem> dueSession(ZoneId zone) {
        List<ReviewItem> items = new ArrayList<>();
        for (ReviewCard card : cards.findByUserIdAndRetiredFalseAndDueLessThanOrderByDueAscIdAsc(me(), endOfToday(zone),
                Limit.of(course.review().sessionSize()))) {
            course.question(card.questionId()).ifPresent(question -> items.add(new ReviewItem(card.id(), card.reps() + 1,
                    lessonTitle(question), KnowledgeCheckMarking.paper(question, card.id() * 31 + card.reps()))));
        }
        return items;
    }

    private Instant endOfToday(ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * Grades the answer to a card and reschedules it, once per review number: a second submission of the same
     * review gets the same feedback and the card's due date, without rating again. {@code zone} is the learner's,
     * for counting their days.
     */
    public ReviewOutcome answer(long cardId, int reviewNumber, Answer answer, Sureness sureness, ZoneId zone) {
        long userId = me();
        try {
            return transaction.execute(status -> rate(userId, cardId, reviewNumber, answer, sureness, zone));
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException ratedInAnotherTab) {
            return transaction.execute(status -> rate(userId, cardId, reviewNumber, answer, sureness, zone));
        }
    }

    private ReviewOutcome rate(long userId, long cardId, int reviewNumber, Answer answer, Sureness sureness, ZoneId zone) {
        ReviewCard card = cards.findByIdAndUserId(cardId, userId).filter(c -> !c.retired())
                .orElseThrow(() -> new AnswerRejectedException("This review card was not found."));
        Question question = course.question(card.questionId())
                .orElseThrow(() -> new AnswerRejectedException("This review card was not found."));
        KnowledgeCheckMarking.Marked marked = KnowledgeCheckMarking.mark(course, question, answer);
        FsrsScheduler.Rating rating = ReviewRating.of(marked.grade().score(), sureness);
        if (card.reps() + 1 != reviewNumber) {
            return new ReviewOutcome(cardId, question.id(), marked.feedback(), rating, card.due(), true);
        }
        FsrsScheduler.Outcome outcome = scheduler.review(card.memory(), rating, clock.instant(), zone);
        card.apply(outcome.card());
        cards.saveAndFlush(card);
        logs.saveAndFlush(new ReviewLog(cardId, reviewNumber, rating, clock.instant(), outcome.elapsedDays(), outcome.scheduledDays()));
        return new ReviewOutcome(cardId, question.id(), marked.feedback(), rating, card.due(), false);
    }

    /** The knowledge-check questions of a lesson in the learner's deck, for practice that moves no schedule. */
    public List<QuestionPaper> practice(String lessonId) {
        List<String> ids = DeckEnrolment.knowledgeChecksOf(course, lessonId).stream().map(Question::id).toList();
        List<QuestionPaper> papers = new ArrayList<>();
        for (ReviewCard card : cards.findByUserIdAndQuestionIdIn(me(), ids)) {
            if (!card.retired()) {
                course.question(card.questionId()).ifPresent(q -> papers.add(KnowledgeCheckMarking.paper(q, clock.millis())));
            }
        }
        return papers;
    }

    /** Feedback on a practice answer; the card's schedule and log stay as they are. */
    public QuestionFeedback practiseAnswer(String questionId, Answer answer) {
        Optional<ReviewCard> card = cards.findByUserIdAndQuestionIdIn(me(), List.of(questionId)).stream().findFirst();
        Question question = card.filter(c -> !c.retired()).flatMap(c -> course.question(c.questionId()))
                .orElseThrow(() -> new AnswerRejectedException("This question was not found."));
        return KnowledgeCheckMarking.mark(course, question, answer).feedback();
    }

    /** Lessons with cards in the learner's deck, in course order, for "Review a lesson now". */
    public List<LessonInDeck> lessonsInDeck() {
        long userId = me();
        List<LessonInDeck> result = new ArrayList<>();
        for (var lesson : course.lessons()) {
            List<String> ids = DeckEnrolment.knowledgeChecksOf(course, lesson.id()).stream().map(Question::id).toList();
            if (!ids.isEmpty() && !cards.findByUserIdAndQuestionIdIn(userId, ids).isEmpty()) {
                result.add(new LessonInDeck(lesson.id(), "Lesson " + lesson.order() + ": " + lesson.title()));
            }
        }
        return result;
    }

    /** A lesson the learner can practise. */
    public record LessonInDeck(String lessonId, String title) {
    }

    private String lessonTitle(Question question) {
        return course.lesson(question.lessonId()).map(l -> "Lesson " + l.order() + ": " + l.title()).orElse("");
    }

    private long me() {
        return signedInUser.require().accountId();
    }
}

package org.compassioncourse.quiz;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.compassioncourse.security.SignedInUser;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Figure;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Taking a quiz, for the signed-in learner: starting or resuming an attempt (its paper), answering, taking an answer
 * back, submitting (a second submission is told the attempt is closed) and abandoning. Grading happens here; keys and
 * feedback leave this service only when the quiz's feedback setting allows. Every call acts on the signed-in
 * learner's own attempts: another learner's attempt is refused.
 */
@Service
@PreAuthorize("hasAnyRole('LEARNER', 'INSTRUCTOR')")
public class QuizAttempts {

    private final Course course;
    private final QuizAttemptRepository attempts;
    private final QuizResponseRepository responses;
    private final SignedInUser signedInUser;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Random seeds = new SecureRandom();
    private final ApplicationEventPublisher events;
    private final CountedResults countedResults;
    private final QuizAvailability availability;
    private final ResultWriter results;

    QuizAttempts(Course course, QuizAttemptRepository attempts, QuizResponseRepository responses, SignedInUser signedInUser,
                 PlatformTransactionManager transactionManager, Clock clock, ApplicationEventPublisher events,
                 CountedResults countedResults, QuizAvailability availability, ResultWriter results) {
        this.course = course;
        this.attempts = attempts;
        this.responses = responses;
        this.signedInUser = signedInUser;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.events = events;
        this.countedResults = countedResults;
        this.availability = availability;
        this.results = results;
    }

    /**
     * The learner's open attempt at this quiz, or a new one. A second tab or a refresh resumes the same attempt.
     *
     * @param lessonId the lesson, for a knowledge check; null for the pre-test and the final assessment
     */
    public AttemptPaper startOrResume(QuizSettings.Kind kind, @Nullable String lessonId) {
        long userId = signedInUser.require().accountId();
        if (kind == QuizSettings.Kind.KNOWLEDGE_CHECK && (lessonId == null || course.lesson(lessonId).isEmpty())) {
            throw new AnswerRejectedException("There is no such lesson.");
        }
        String key = QuizAttempt.openKey(userId, kind, kind == QuizSettings.Kind.KNOWLEDGE_CHECK ? lessonId : null);
        try {
            return transaction.execute(status -> paper(attempts.findByOpenKey(key).orElseGet(() -> newAttempt(userId, kind, lessonId))));
        } catch (DataIntegrityViolationException anotherTabStartedItFirst) {
            return transaction.execute(status -> paper(attempts.findByOpenKey(key).orElseThrow()));
        }
    }

    private QuizAttempt newAttempt(long userId, QuizSettings.Kind kind, @Nullable String lessonId) {
        QuizAvailability.Availability now = availability.availability(kind, lessonId);
        if (!now.available()) {
            throw new AnswerRejectedException(now.reason());
        }
        long seed = seeds.nextLong();
        List<String> drawn = draw(userId, kind, lessonId, new Random(seed));
        return attempts.saveAndFlush(new QuizAttempt(userId, kind, kind == QuizSettings.Kind.KNOWLEDGE_CHECK ? lessonId : null,
                course.version(), drawn, seed, now()));
    }

    /** Knowledge check: the lesson's practice questions. Pre-test and final: one question per blueprint slot. */
    private List<String> draw(long userId, QuizSettings.Kind kind, @Nullable String lessonId, Random random) {
        List<Question> pool = QuizAvailability.questionsFor(course, kind, lessonId);
        if (kind == QuizSettings.Kind.KNOWLEDGE_CHECK) {
            List<String> drawn = new ArrayList<>(pool.stream().map(Question::id).toList());
            Collections.shuffle(drawn, random);
            return drawn;
        }
        // every question this learner was shown in a pre-test or final attempt, and when last
        Map<String, Instant> lastSeen = new HashMap<>();
        for (QuizSettings.Kind assessed : List.of(QuizSettings.Kind.PRE_TEST, QuizSettings.Kind.FINAL_ASSESSMENT)) {
            for (QuizAttempt earlier : attempts.findByUserIdAndKindOrderByStartedAtAsc(userId, assessed)) {
                earlier.questionIds().forEach(id -> lastSeen.merge(id, earlier.startedAt(), (a, b) -> a.isAfter(b) ? a : b));
            }
        }
        return AssessmentDraw.draw(pool, lastSeen, random);
    }

    /**
     * Records the answer to one question. A repeated identical answer (double click, refresh) changes nothing.
     * With feedback after each answer the question is then closed and its feedback returned; otherwise a changed
     * answer replaces the earlier one until the attempt is submitted.
     *
     * @return the feedback when the quiz shows it after each answer, else empty
     */
    public Optional<QuestionFeedback> answer(long attemptId, String questionId, Answer answer, long timeTakenMs) {
        return answerTimer.record(() -> saveAnswer(attemptId, questionId, answer, timeTakenMs));
    }

    /** Each answer's save, refused ones included: {@code course.quiz.answer} on /actuator/prometheus (the load test reads it). */
    private Timer answerTimer = answerTimer(new SimpleMeterRegistry());

    @Autowired
    void timeAnswersIn(MeterRegistry registry) {
        answerTimer = answerTimer(registry);
    }

    static Timer answerTimer(MeterRegistry registry) {
        return Timer.builder("course.quiz.answer").description("Saving one quiz answer (QuizAttempts.answer)")
                .publishPercentileHistogram().register(registry);
    }

    private Optional<QuestionFeedback> saveAnswer(long attemptId, String questionId, Answer answer, long timeTakenMs) {
        long userId = signedInUser.require().accountId();
        try {
            return transaction.execute(status -> {
                // the row lock makes an answer and a submission of the same attempt take turns: the answer lands before
                // the score is computed, or it is refused because the attempt is closed
                QuizAttempt attempt = open(attempts.ownLocked(attemptId, userId));
                Question question = questionOf(attempt, questionId);
                if (answer instanceof Answer.DontKnowYet) {
                    if (attempt.kind() != QuizSettings.Kind.PRE_TEST) {
                        throw new AnswerRejectedException("\"I don't know yet\" is for the pre-test; here, give your best answer.");
                    }
                } else if (answer instanceof Answer.Unanswered) {
                    throw new AnswerRejectedException("Choose an answer first.");
                } else {
                    Grading.check(question, answer, figureOf(question));
                }
                Grade grade = Grading.grade(question, answer);
                String encoded = AnswerCodec.encode(answer);
                boolean immediate = course.quiz(attempt.kind()).feedback() == QuizSettings.FeedbackTiming.AFTER_EACH_ANSWER;
                Optional<QuizResponse> earlier = responses.findByAttemptIdAndQuestionId(attemptId, questionId);
                if (earlier.isPresent()) {
                    if (earlier.get().answer().equals(encoded)) {
                        return immediate ? Optional.of(FeedbackWriter.of(course, question, answer, grade)) : Optional.<QuestionFeedback>empty();
                    }
                    if (immediate) {
                        throw new AnswerRejectedException("You have already answered this question. Start a new try to answer it again.");
                    }
                    earlier.get().replace(encoded, grade.score(), now(), Math.max(0, timeTakenMs));
                } else {
                    responses.saveAndFlush(new QuizResponse(attemptId, questionId, attempt.contentVersion(), encoded,
                            grade.score(), now(), Math.max(0, timeTakenMs)));
                }
                return immediate ? Optional.of(FeedbackWriter.of(course, question, answer, grade)) : Optional.<QuestionFeedback>empty();
            });
        } catch (DataIntegrityViolationException sameAnswerFromAnotherTab) {
            throw new AnswerRejectedException("This question was just answered in another window. Reload the page to see it.");
        }
    }

    /**
     * Takes back the answer to one question so the learner can answer it again: in a knowledge check (practice,
     * where a checked answer is otherwise locked with its feedback) and in quizzes whose feedback waits for
     * submission (answers there change freely). Not in a graded quiz that shows feedback after each answer.
     */
    public void takeBackAnswer(long attemptId, String questionId) {
        long userId = signedInUser.require().accountId();
        transaction.executeWithoutResult(status -> {
            QuizAttempt attempt = open(attempts.ownLocked(attemptId, userId));
            questionOf(attempt, questionId);
            boolean immediate = course.quiz(attempt.kind()).feedback() == QuizSettings.FeedbackTiming.AFTER_EACH_ANSWER;
            if (immediate && attempt.kind() != QuizSettings.Kind.KNOWLEDGE_CHECK) {
                throw new AnswerRejectedException("You have already answered this question; its answer stays.");
            }
            responses.findByAttemptIdAndQuestionId(attemptId, questionId).ifPresent(r -> {
                responses.delete(r);
                responses.flush();
            });
        });
    }

    /**
     * Closes the attempt and scores it over the questions still in the course (a question removed since the attempt
     * started is left out). A second submission, e.g. from a stale tab, is told the attempt was already submitted.
     */
    public AttemptResult submit(long attemptId) {
        long userId = signedInUser.require().accountId();
        AttemptResult result = transaction.execute(status -> {
            QuizAttempt attempt = attempts.ownLocked(attemptId, userId);
            if (!attempt.isOpen()) {
                throw new AttemptAlreadyClosedException(attempt.id(), attempt.abandoned());
            }
            List<String> remaining = attempt.questionIds().stream().filter(id -> course.question(id).isPresent()).toList();
            if (remaining.isEmpty()) {
                throw new AnswerRejectedException("None of this attempt's questions is in the course any more. Abandon it and start afresh.");
            }
            List<QuizResponse> given = responses.findByAttemptId(attemptId).stream().filter(r -> remaining.contains(r.questionId())).toList();
            // the pre-test may be left partly blank (blank scores 0); the final needs every answer
            if (given.size() < remaining.size() && attempt.kind() != QuizSettings.Kind.PRE_TEST) {
                int missing = remaining.size() - given.size();
                throw new AnswerRejectedException(missing == 1 ? "One question is not answered yet."
                        : missing + " questions are not answered yet.");
            }
            if (attempt.kind() == QuizSettings.Kind.PRE_TEST) {
                // a blank is stored as one, so every record, export and analysis reads it alike (Answer.NoAnswer)
                Set<String> answered = new HashSet<>(given.stream().map(QuizResponse::questionId).toList());
                String notAnswered = AnswerCodec.encode(new Answer.Unanswered());
                remaining.stream().filter(id -> !answered.contains(id)).forEach(id -> responses.save(
                        new QuizResponse(attemptId, id, attempt.contentVersion(), notAnswered, 0, now(), 0)));
                responses.flush();
            }
            double total = given.stream().mapToDouble(QuizResponse::score).sum();
            double percent = Math.round(total * 1000.0 / remaining.size()) / 10.0;
            Boolean passed = attempt.kind() == QuizSettings.Kind.FINAL_ASSESSMENT ? percent >= course.passMark() : null;
            attempt.submit(percent, passed, now());
            attempts.saveAndFlush(attempt);
            // the counted result is stored with the submission, decided by the one rule (reports read it)
            countedResults.record(userId, attempt.kind(), attempt.lessonId(), course.quiz(attempt.kind()).counts(),
                    attempts.findByUserIdAndKindOrderByStartedAtAsc(userId, attempt.kind()).stream().filter(QuizAttempt::scored)
                            .filter(a -> Objects.equals(a.lessonId(), attempt.lessonId()))
                            .map(a -> new CountedResults.Scored(a.id(), a.scorePercent(), a.passed(), a.submittedAt())).toList());
            // stored with the submission (Modulith's event publication registry); listeners run after the commit, each in
            // its own transaction, so what others do with the result (e.g. record a completion) never undoes the
            // submission, and a listener that fails is run again at the next start-up
            events.publishEvent(new AttemptSubmitted(userId, attempt.kind(), attempt.lessonId(), attempt.passed()));
            return results.of(attempt);
        });
        return result;
    }

    /**
     * The questions of the learner's open attempt that have no stored answer yet (whichever tab gave the others), in
     * the attempt's order, left-out removed questions aside. Read under the attempt's lock, so a submission under way
     * in another tab is waited for and then reported as such instead of as unanswered questions.
     *
     * @throws AttemptAlreadyClosedException when the attempt was submitted or abandoned (e.g. in another tab)
     */
    public List<String> unansweredQuestions(long attemptId) {
        long userId = signedInUser.require().accountId();
        return transaction.execute(status -> {
            QuizAttempt attempt = attempts.ownLocked(attemptId, userId);
            if (!attempt.isOpen()) {
                throw new AttemptAlreadyClosedException(attempt.id(), attempt.abandoned());
            }
            Set<String> answered = responses.findByAttemptId(attemptId).stream().map(QuizResponse::questionId)
                    .collect(Collectors.toSet());
            return attempt.questionIds().stream().filter(id -> course.question(id).isPresent()).filter(id -> !answered.contains(id)).toList();
        });
    }

    /** Whether the learner's attempt has been submitted or abandoned (e.g. in another tab). */
    public boolean isClosed(long attemptId) {
        long userId = signedInUser.require().accountId();
        return transaction.execute(status -> !attempts.own(attemptId, userId).isOpen());
    }

    /**
     * Closes an open attempt without a score. Only for an attempt holding a question that was removed from the course
     * since it started, so that a changed course never blocks a quiz; such an attempt does not use up an attempt.
     */
    public void abandon(long attemptId) {
        long userId = signedInUser.require().accountId();
        transaction.executeWithoutResult(status -> {
            QuizAttempt attempt = open(attempts.ownLocked(attemptId, userId));
            if (attempt.questionIds().stream().noneMatch(id -> course.question(id).isEmpty())) {
                throw new AnswerRejectedException("Only an attempt with a question that was removed from the course can be abandoned.");
            }
            attempt.abandon();
            attempts.saveAndFlush(attempt);
        });
    }

    // ---- internals -------------------------------------------------------------------------------------

    /** Databases keep microseconds: the time as it will read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static QuizAttempt open(QuizAttempt attempt) {
        if (!attempt.isOpen()) {
            throw new AnswerRejectedException("This attempt has been submitted; its answers can no longer change.");
        }
        return attempt;
    }

    private Question questionOf(QuizAttempt attempt, String questionId) {
        if (!attempt.questionIds().contains(questionId)) {
            throw new AnswerRejectedException("That question is not part of this attempt.");
        }
        return course.question(questionId).orElseThrow(() -> new AnswerRejectedException(
                "This question has been removed from the course since the attempt started."));
    }

    private @Nullable Figure figureOf(Question question) {
        if (question.body() instanceof Question.Hotspot hotspot) {
            return course.figures().stream().filter(f -> f.id().equals(hotspot.figureId())).findFirst().orElse(null);
        }
        return null;
    }

    /** The open attempt as the quiz page shows it; feedback so far only when the quiz shows it after each answer. */
    private AttemptPaper paper(QuizAttempt attempt) {
        boolean immediate = course.quiz(attempt.kind()).feedback() == QuizSettings.FeedbackTiming.AFTER_EACH_ANSWER;
        List<QuestionPaper> papers = new ArrayList<>();
        for (String id : attempt.questionIds()) {
            course.question(id).ifPresent(q -> papers.add(QuestionPapers.of(q, attempt.seed())));
        }
        Map<String, Answer> answers = new LinkedHashMap<>();
        Map<String, QuestionFeedback> feedback = new HashMap<>();
        for (QuizResponse response : responses.findByAttemptId(attempt.id())) {
            Answer answer = AnswerCodec.decode(response.answer());
            answers.put(response.questionId(), answer);
            if (immediate) {
                course.question(response.questionId()).ifPresent(q ->
                        feedback.put(q.id(), FeedbackWriter.of(course, q, answer, Grading.grade(q, answer))));
            }
        }
        return new AttemptPaper(attempt.id(), attempt.kind(), attempt.lessonId(), papers, answers, feedback,
                course.quiz(attempt.kind()).feedback(), attempt.questionIds().size() - papers.size());
    }
}

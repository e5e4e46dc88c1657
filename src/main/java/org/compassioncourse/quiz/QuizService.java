package org.compassioncourse.quiz;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.prepost.PreAuthorize;
import org.compassioncourse.security.SignedInUser;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Figure;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * Quizzes for the signed-in learner: starting or resuming an attempt, answering, submitting, reviewing and the
 * learning gain. Grading happens here; keys and feedback leave this service only when the quiz's feedback setting
 * allows. Every call acts on the signed-in learner's own attempts: another learner's attempt is refused.
 */
@Service
@PreAuthorize("hasAnyRole('LEARNER', 'INSTRUCTOR')")
public class QuizService {

    private final Course course;
    private final QuizAttemptRepository attempts;
    private final QuizResponseRepository responses;
    private final AttemptGrantRepository grants;
    private final LessonCompletion lessonCompletion;
    private final SignedInUser signedInUser;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Random seeds = new SecureRandom();
    private final ApplicationEventPublisher events;
    private final CountedResults countedResults;
    private final LearnerScores learnerScores;

    QuizService(Course course, QuizAttemptRepository attempts, QuizResponseRepository responses, AttemptGrantRepository grants,
                LessonCompletion lessonCompletion, SignedInUser signedInUser, PlatformTransactionManager transactionManager, Clock clock,
                ApplicationEventPublisher events, CountedResults countedResults, LearnerScores learnerScores) {
        this.events = events;
        this.learnerScores = learnerScores;
        this.countedResults = countedResults;
        this.course = course;
        this.attempts = attempts;
        this.responses = responses;
        this.grants = grants;
        this.lessonCompletion = lessonCompletion;
        this.signedInUser = signedInUser;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Whether the learner may start this quiz now, and if not, why and when (an instant: views write it in the
     * reader's time zone; services know no browser).
     */
    public record Availability(boolean available, @Nullable Instant availableFrom, String reason) {
    }

    /**
     * Whether the learner may start (or resume) this quiz now. The final assessment opens when every lesson is completed
     * (or, if course.yaml allows testing out, once the pre-test is taken), stays closed after a pass, and within the
     * course's attempt limit (plus attempts an instructor granted).
     *
     * @param lessonId the lesson, for a knowledge check; null for the pre-test and the final assessment
     */
    public Availability availability(QuizSettings.Kind kind, @Nullable String lessonId) {
        long userId = signedInUser.require().accountId();
        return transaction.execute(status -> availability(userId, kind, lessonId, attempts.findByUserIdOrderByStartedAtAsc(userId)));
    }

    /** @param all every attempt of the learner, oldest first */
    private Availability availability(long userId, QuizSettings.Kind kind, @Nullable String lessonId, List<QuizAttempt> all) {
        if (questionsFor(kind, lessonId).isEmpty()) {
            return new Availability(false, null, "This course has no questions for the " + kind.yamlName().replace('-', ' ') + " yet.");
        }
        List<QuizAttempt> mine = all.stream().filter(a -> a.kind() == kind).toList();
        if (mine.stream().anyMatch(QuizAttempt::isOpen)) {
            return new Availability(true, null, ""); // an attempt under way can always be resumed
        }
        List<QuizAttempt> scored = mine.stream().filter(QuizService::scored).toList();
        if (kind == QuizSettings.Kind.PRE_TEST && !scored.isEmpty()) {
            // a baseline is taken once: a retake would measure the lessons, or the pre-test itself, not the start
            return new Availability(false, null, "You have taken the pre-test. It records where you started, so it is "
                    + "taken once; the final assessment shows how far you have come.");
        }
        if (kind == QuizSettings.Kind.FINAL_ASSESSMENT) {
            Optional<Availability> closed = finalClosedBecause(userId, mine, scored, all);
            if (closed.isPresent()) {
                return closed.get();
            }
        }
        int cooldown = course.quiz(kind).cooldownMinutes();
        Optional<Instant> lastSubmitted = scored.stream().map(QuizAttempt::submittedAt).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder());
        if (lastSubmitted.isPresent() && cooldown > 0) {
            Instant from = lastSubmitted.get().plus(Duration.ofMinutes(cooldown));
            if (now().isBefore(from)) {
                // the time itself is the view's to write, in the reader's time zone (availableFrom)
                return new Availability(false, from, "A new attempt opens " + cooldown
                        + " minutes after your last attempt. Meanwhile the lessons are open.");
            }
        }
        return new Availability(true, null, "");
    }

    private Optional<Availability> finalClosedBecause(long userId, List<QuizAttempt> finals, List<QuizAttempt> scored, List<QuizAttempt> all) {
        if (passedFinal(scored)) {
            return Optional.of(new Availability(false, null, "You have passed the final assessment. You can review your result "
                    + "with its answers and explanations at any time."));
        }
        QuizSettings settings = course.quiz(QuizSettings.Kind.FINAL_ASSESSMENT);
        if (settings.opensAfter() == QuizSettings.OpensAfter.ALL_LESSONS) {
            List<String> unfinished = lessonCompletion.myUnfinishedLessonTitles();
            if (!unfinished.isEmpty()) {
                return Optional.of(new Availability(false, null, "The final assessment opens when you have completed every lesson. "
                        + (unfinished.size() == 1 ? "Still to complete: " : unfinished.size() + " lessons still to complete: ")
                        + String.join("; ", unfinished) + "."));
            }
        } else if (settings.opensAfter() == QuizSettings.OpensAfter.PRE_TEST
                && all.stream().filter(a -> a.kind() == QuizSettings.Kind.PRE_TEST).noneMatch(QuizService::scored)) {
            return Optional.of(new Availability(false, null, "The final assessment opens once you have taken the pre-test "
                    + "(or completed every lesson)."));
        }
        AttemptAllowance allowance = allowance(userId, finals);
        if (!allowance.mayStartAnother()) {
            return Optional.of(new Availability(false, null, "You have used all " + allowance.allowed() + " of your attempts at the final "
                    + "assessment. " + whoGrantsAnotherAttempt()));
        }
        return Optional.empty();
    }

    /** Whether the signed-in learner has completed this lesson (as the progress feature decides it). */
    public boolean myLessonFinished(String lessonId) {
        signedInUser.require();
        return course.lesson(lessonId).map(lesson -> !lessonCompletion.myUnfinishedLessonTitles().contains(lesson.title())).orElse(false);
    }

    private @Nullable CohortService cohorts;

    @Autowired
    void findInstructorsWith(CohortService cohorts) {
        this.cohorts = cohorts;
    }

    /** Who can grant one more attempt, by name and email: the instructor of a cohort the learner joined. */
    private String whoGrantsAnotherAttempt() {
        List<org.compassioncourse.cohort.InstructorContact> instructors = cohorts == null ? List.of() : cohorts.myInstructors();
        if (instructors.isEmpty()) {
            return "Only the instructor of a cohort you have joined can grant you one more attempt: ask your education office "
                    + "which instructor runs this course, and join their cohort with the code they give you.";
        }
        return "Please write to your instructor, " + instructors.stream().map(org.compassioncourse.cohort.InstructorContact::describe)
                .collect(java.util.stream.Collectors.joining(" or ")) + ": they can grant you one more attempt.";
    }

    /** Where the learner stands against the final assessment's attempt limit (shown before they start). */
    public AttemptAllowance myFinalAttempts() {
        long userId = signedInUser.require().accountId();
        return transaction.execute(status -> allowance(userId,
                attempts.findByUserIdAndKindOrderByStartedAtAsc(userId, QuizSettings.Kind.FINAL_ASSESSMENT)));
    }

    /**
     * What the final's start page states before an attempt begins (an attempt counts once started).
     *
     * @param questions      how many questions an attempt has (one per blueprint slot)
     * @param minutesToAllow a generous estimate, {@link #MINUTES_PER_QUESTION} a question rounded up to 5 minutes;
     *                       there is no time limit
     */
    public record AssessmentStart(int questions, int passMark, AttemptAllowance attempts, int minutesToAllow, int cooldownMinutes) {
    }

    /** The time to allow per assessment question, for the start page's estimate. */
    public static final double MINUTES_PER_QUESTION = 1.5;

    /** The facts of the final assessment's start page for the signed-in learner. */
    public AssessmentStart finalStart() {
        int questions = (int) questionsFor(QuizSettings.Kind.FINAL_ASSESSMENT, null).stream().map(Question::blueprint).distinct().count();
        int minutes = Math.max(5, (int) Math.ceil(questions * MINUTES_PER_QUESTION / 5.0) * 5);
        return new AssessmentStart(questions, course.passMark(), myFinalAttempts(), minutes,
                course.quiz(QuizSettings.Kind.FINAL_ASSESSMENT).cooldownMinutes());
    }

    private AttemptAllowance allowance(long userId, List<QuizAttempt> finals) {
        return AttemptAllowance.of(course.quiz(QuizSettings.Kind.FINAL_ASSESSMENT), finals,
                grants.findByUserIdAndKindOrderByGrantedAtAsc(userId, QuizSettings.Kind.FINAL_ASSESSMENT).size());
    }

    /** An attempt under way: how far the learner has got ("Resume — 3 of 14 answered"). */
    public record OpenAttempt(long attemptId, int answered, int questions) {
    }

    /** The learner's unfinished attempt at this quiz, if any. */
    public Optional<OpenAttempt> myOpenAttempt(QuizSettings.Kind kind, @Nullable String lessonId) {
        long userId = signedInUser.require().accountId();
        String key = QuizAttempt.openKey(userId, kind, kind == QuizSettings.Kind.KNOWLEDGE_CHECK ? lessonId : null);
        return transaction.execute(status -> attempts.findByOpenKey(key).map(this::openAttempt));
    }

    private OpenAttempt openAttempt(QuizAttempt attempt) {
        return new OpenAttempt(attempt.id(),
                (int) responses.findByAttemptId(attempt.id()).stream().filter(r -> course.question(r.questionId()).isPresent()).count(),
                (int) attempt.questionIds().stream().filter(id -> course.question(id).isPresent()).count());
    }

    /** Submitted with a score: neither open nor abandoned. */
    private static boolean scored(QuizAttempt attempt) {
        return attempt.submittedAt() != null;
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
        Availability availability = availability(kind, lessonId);
        if (!availability.available()) {
            throw new AnswerRejectedException(availability.reason());
        }
        long seed = seeds.nextLong();
        List<String> drawn = draw(userId, kind, lessonId, new Random(seed));
        return attempts.saveAndFlush(new QuizAttempt(userId, kind, kind == QuizSettings.Kind.KNOWLEDGE_CHECK ? lessonId : null,
                course.version(), drawn, seed, now()));
    }

    /** Knowledge check: the lesson's practice questions. Pre-test and final: one question per blueprint slot. */
    private List<String> draw(long userId, QuizSettings.Kind kind, @Nullable String lessonId, Random random) {
        List<Question> pool = questionsFor(kind, lessonId);
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

    private List<Question> questionsFor(QuizSettings.Kind kind, @Nullable String lessonId) {
        return course.questions().stream()
                .filter(q -> kind == QuizSettings.Kind.KNOWLEDGE_CHECK
                        ? q.use() == Question.Use.KNOWLEDGE_CHECK && q.lessonId().equals(lessonId)
                        : q.use() == Question.Use.ASSESSMENT)
                .toList();
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
        return Timer.builder("course.quiz.answer").description("Saving one quiz answer (QuizService.answer)")
                .publishPercentileHistogram().register(registry);
    }

    private Optional<QuestionFeedback> saveAnswer(long attemptId, String questionId, Answer answer, long timeTakenMs) {
        long userId = signedInUser.require().accountId();
        try {
            return transaction.execute(status -> {
                // the row lock makes an answer and a submission of the same attempt take turns: the answer lands before
                // the score is computed, or it is refused because the attempt is closed
                QuizAttempt attempt = ownOpenAttempt(lockedAttempt(attemptId, userId));
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
            QuizAttempt attempt = ownOpenAttempt(lockedAttempt(attemptId, userId));
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
            QuizAttempt attempt = lockedAttempt(attemptId, userId);
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
                java.util.Set<String> answered = new java.util.HashSet<>(given.stream().map(QuizResponse::questionId).toList());
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
                    attempts.findByUserIdAndKindOrderByStartedAtAsc(userId, attempt.kind()).stream().filter(QuizService::scored)
                            .filter(a -> java.util.Objects.equals(a.lessonId(), attempt.lessonId()))
                            .map(a -> new CountedResults.Scored(a.id(), a.scorePercent(), a.passed(), a.submittedAt())).toList());
            // stored with the submission (Modulith's event publication registry); listeners run after the commit, each in
            // its own transaction, so what others do with the result (e.g. record a completion) never undoes the
            // submission, and a listener that fails is run again at the next start-up
            events.publishEvent(new AttemptSubmitted(userId, attempt.kind(), attempt.lessonId(), attempt.passed()));
            return result(attempt);
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
            QuizAttempt attempt = lockedAttempt(attemptId, userId);
            if (!attempt.isOpen()) {
                throw new AttemptAlreadyClosedException(attempt.id(), attempt.abandoned());
            }
            java.util.Set<String> answered = responses.findByAttemptId(attemptId).stream().map(QuizResponse::questionId)
                    .collect(java.util.stream.Collectors.toSet());
            return attempt.questionIds().stream().filter(id -> course.question(id).isPresent()).filter(id -> !answered.contains(id)).toList();
        });
    }

    /** Whether the learner's attempt has been submitted or abandoned (e.g. in another tab). */
    public boolean isClosed(long attemptId) {
        long userId = signedInUser.require().accountId();
        return transaction.execute(status -> !ownAttempt(attemptId, userId).isOpen());
    }

    /**
     * Closes an open attempt without a score. Only for an attempt holding a question that was removed from the course
     * since it started, so that a changed course never blocks a quiz; such an attempt does not use up an attempt.
     */
    public void abandon(long attemptId) {
        long userId = signedInUser.require().accountId();
        transaction.executeWithoutResult(status -> {
            QuizAttempt attempt = ownOpenAttempt(lockedAttempt(attemptId, userId));
            if (!holdsRemovedQuestion(attempt)) {
                throw new AnswerRejectedException("Only an attempt with a question that was removed from the course can be abandoned.");
            }
            attempt.abandon();
            attempts.saveAndFlush(attempt);
        });
    }

    private boolean holdsRemovedQuestion(QuizAttempt attempt) {
        return attempt.questionIds().stream().anyMatch(id -> course.question(id).isEmpty());
    }

    /**
     * The learner's submitted attempts at a quiz, oldest first, each with its questions and feedback (for the learner's
     * record and data export; lists of scores read {@link #myScores()}, which builds no feedback). Three queries
     * however many attempts.
     */
    public List<AttemptResult> myResults(QuizSettings.Kind kind) {
        long userId = signedInUser.require().accountId();
        return transaction.execute(status -> {
            List<QuizAttempt> scored = attempts.findByUserIdAndKindOrderByStartedAtAsc(userId, kind).stream().filter(QuizService::scored).toList();
            if (scored.isEmpty()) {
                return List.<AttemptResult>of();
            }
            Map<Long, List<QuizResponse>> byAttempt = new HashMap<>();
            responses.findByAttemptIdIn(scored.stream().map(QuizAttempt::id).toList())
                    .forEach(r -> byAttempt.computeIfAbsent(r.attemptId(), id -> new ArrayList<>()).add(r));
            PassedFinal passedFinal = new PassedFinal(userId);
            return scored.stream().map(a -> result(a, byAttempt.getOrDefault(a.id(), List.of()), passedFinal)).toList();
        });
    }

    /**
     * The attempt that counts for this quiz under the course's counting rule, if any was submitted, with its questions
     * and feedback (one attempt's worth: for a result page). Pages that show only the score read {@link #myScores()}.
     */
    public Optional<AttemptResult> countingResult(QuizSettings.Kind kind) {
        long userId = signedInUser.require().accountId();
        return transaction.execute(status -> {
            List<QuizAttempt> scored = attempts.findByUserIdAndKindOrderByStartedAtAsc(userId, kind).stream().filter(QuizService::scored).toList();
            return counting(kind, scored, QuizService::percentOf, QuizService::hasPassed).map(this::result);
        });
    }

    /**
     * The attempt that counts, among a quiz's submitted attempts (oldest first), under the course's counting rule
     * (decided by {@link CountedResults#counted}, to attempts or to their scores alike).
     */
    private <T> Optional<T> counting(QuizSettings.Kind kind, List<T> submittedOldestFirst, java.util.function.ToDoubleFunction<T> percent,
                                     java.util.function.Predicate<T> passed) {
        return CountedResults.counted(course.quiz(kind).counts(), submittedOldestFirst, percent, passed);
    }

    /** Whether these submitted final attempts (oldest first) make a pass, by the one rule ({@link CountedResults#passed}). */
    private boolean passedFinal(List<QuizAttempt> submittedFinalsOldestFirst) {
        return CountedResults.passed(course.quiz(QuizSettings.Kind.FINAL_ASSESSMENT).counts(), submittedFinalsOldestFirst,
                QuizService::percentOf, QuizService::hasPassed);
    }

    private static boolean hasPassed(QuizAttempt attempt) {
        return Boolean.TRUE.equals(attempt.passed());
    }

    private static double percentOf(QuizAttempt attempt) {
        return attempt.scorePercent() == null ? 0 : attempt.scorePercent();
    }

    /**
     * Every result the learner's pages list or count, in one or two queries however many attempts: scores, the
     * counting attempt per quiz, best knowledge-check scores and the knowledge checks tried. No feedback is built.
     */
    public QuizScores myScores() {
        long userId = signedInUser.require().accountId();
        return learnerScores.of(userId);
    }

    /** Where the learner stands with one assessment, for the course page: can they start it, an attempt under way. */
    public record AssessmentState(Availability availability, @Nullable OpenAttempt open, @Nullable AttemptAllowance finalAttempts) {
    }

    /** The course page's quiz figures: every score, and the pre-test's and final's state. */
    public record MyAssessments(QuizScores scores, Map<QuizSettings.Kind, AssessmentState> states) {

        public AssessmentState state(QuizSettings.Kind kind) {
            return java.util.Objects.requireNonNull(states.get(kind), kind.toString());
        }
    }

    /**
     * Scores and the state of the pre-test and final in one call (one read of the learner's attempts), for the course
     * page; the same rules as {@link #availability}, {@link #myOpenAttempt} and {@link #myFinalAttempts}.
     */
    public MyAssessments myAssessments() {
        long userId = signedInUser.require().accountId();
        return transaction.execute(status -> {
            List<QuizAttempt> all = attempts.findByUserIdOrderByStartedAtAsc(userId);
            Map<QuizSettings.Kind, AssessmentState> states = new java.util.EnumMap<>(QuizSettings.Kind.class);
            for (QuizSettings.Kind kind : List.of(QuizSettings.Kind.PRE_TEST, QuizSettings.Kind.FINAL_ASSESSMENT)) {
                Availability availability = availability(userId, kind, null, all);
                OpenAttempt open = all.stream().filter(a -> a.kind() == kind && a.isOpen()).findFirst().map(this::openAttempt).orElse(null);
                AttemptAllowance allowance = kind == QuizSettings.Kind.FINAL_ASSESSMENT && availability.available() && open == null
                        ? allowance(userId, all.stream().filter(a -> a.kind() == kind).toList()) : null;
                states.put(kind, new AssessmentState(availability, open, allowance));
            }
            return new MyAssessments(learnerScores.of(all), states);
        });
    }

    /** The learner's best knowledge-check score per lesson id (practice: shown as progress, never graded). */
    public Map<String, Double> bestKnowledgeCheckScores() {
        return myScores().bestKnowledgeCheck();
    }

    /** The lessons whose knowledge check the learner has tried: at least one answer checked, finished or not. */
    public java.util.Set<String> knowledgeChecksTried() {
        return myScores().knowledgeChecksTried();
    }

    /** Normalised learning gain (post − pre) / (100 − pre), once both a pre-test and a final assessment exist. */
    public Optional<Double> learningGain() {
        return myScores().learningGain();
    }

    /** A past attempt of the learner's, with answers, key and feedback as the quiz's review setting allows. */
    public AttemptResult review(long attemptId) {
        long userId = signedInUser.require().accountId();
        return transaction.execute(status -> {
            QuizAttempt attempt = ownAttempt(attemptId, userId);
            if (!scored(attempt)) {
                throw new AnswerRejectedException(attempt.isOpen() ? "This attempt is still open; submit it to see the review."
                        : "This attempt was abandoned; it has no result.");
            }
            return result(attempt);
        });
    }

    // ---- internals -------------------------------------------------------------------------------------

    /** Databases keep microseconds: the time as it will read back. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private QuizAttempt ownAttempt(long attemptId, long userId) {
        QuizAttempt attempt = attempts.findById(attemptId)
                .orElseThrow(() -> new AnswerRejectedException("There is no such attempt."));
        if (attempt.userId() != userId) {
            // the same message as a missing attempt: do not reveal that another learner's attempt exists
            throw new AnswerRejectedException("There is no such attempt.");
        }
        return attempt;
    }

    private QuizAttempt lockedAttempt(long attemptId, long userId) {
        QuizAttempt attempt = attempts.lockById(attemptId)
                .orElseThrow(() -> new AnswerRejectedException("There is no such attempt."));
        if (attempt.userId() != userId) {
            throw new AnswerRejectedException("There is no such attempt.");
        }
        return attempt;
    }

    private QuizAttempt ownOpenAttempt(QuizAttempt attempt) {
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

    /** Whether the learner has passed the final, asked at most once however many results need it. */
    private final class PassedFinal {
        private final long userId;
        private @Nullable Boolean passed;

        PassedFinal(long userId) {
            this.userId = userId;
        }

        boolean get() {
            if (passed == null) {
                passed = passedFinal(attempts.findByUserIdAndKindOrderByStartedAtAsc(userId, QuizSettings.Kind.FINAL_ASSESSMENT)
                        .stream().filter(QuizService::scored).toList());
            }
            return passed;
        }
    }

    private AttemptResult result(QuizAttempt attempt) {
        return result(attempt, responses.findByAttemptId(attempt.id()), new PassedFinal(attempt.userId()));
    }

    private AttemptResult result(QuizAttempt attempt, List<QuizResponse> given, PassedFinal passedFinal) {
        QuizSettings.FeedbackTiming timing = course.quiz(attempt.kind()).feedback();
        boolean showFeedback = timing != QuizSettings.FeedbackTiming.NEVER
                && (timing != QuizSettings.FeedbackTiming.AFTER_PASSING || passedFinal.get());
        boolean showAdvice = !showFeedback && timing == QuizSettings.FeedbackTiming.AFTER_PASSING;
        Map<Question, Double> scores = new LinkedHashMap<>();
        List<QuestionPaper> papers = new ArrayList<>();
        Map<String, Answer> answers = new LinkedHashMap<>();
        List<QuestionFeedback> feedback = new ArrayList<>();
        Map<Answer.NoAnswer, Integer> noAnswers = new java.util.EnumMap<>(Answer.NoAnswer.class);
        Map<String, QuizResponse> byQuestion = new HashMap<>();
        given.forEach(r -> byQuestion.put(r.questionId(), r));
        for (String id : attempt.questionIds()) {
            Optional<Question> question = course.question(id);
            QuizResponse response = byQuestion.get(id);
            if (question.isEmpty() || response == null) {
                continue;
            }
            Answer answer = AnswerCodec.decode(response.answer());
            if (answer.noAnswer() != null) {
                noAnswers.merge(answer.noAnswer(), 1, Integer::sum);
            }
            double score = response.score();
            papers.add(QuestionPapers.of(question.get(), attempt.seed()));
            answers.put(id, answer);
            if (showFeedback) {
                feedback.add(FeedbackWriter.of(course, question.get(), answer, Grading.grade(question.get(), answer)));
            } else if (showAdvice) {
                scores.put(question.get(), score);
            }
        }
        return new AttemptResult(attempt.id(), attempt.kind(), attempt.lessonId(),
                attempt.scorePercent() == null ? 0 : attempt.scorePercent(), attempt.passed(), attempt.submittedAt(),
                // while the key is held back the result shows advice per lesson, not the questions with the learner's answers
                feedback, showAdvice ? List.of() : papers, showAdvice ? Map.of() : answers,
                showAdvice ? StudyAdvice.of(course, scores) : List.of(), noAnswers);
    }
}

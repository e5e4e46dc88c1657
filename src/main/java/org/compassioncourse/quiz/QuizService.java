package org.compassioncourse.quiz;

import org.springframework.security.access.prepost.PreAuthorize;
import org.compassioncourse.account.SignedInUser;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Figure;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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
    private final SignedInUser signedInUser;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Random seeds = new SecureRandom();

    QuizService(Course course, QuizAttemptRepository attempts, QuizResponseRepository responses, SignedInUser signedInUser,
                PlatformTransactionManager transactionManager, Clock clock) {
        this.course = course;
        this.attempts = attempts;
        this.responses = responses;
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

    /** @param lessonId the lesson, for a knowledge check; null for the pre-test and the final assessment */
    public Availability availability(QuizSettings.Kind kind, @Nullable String lessonId) {
        long userId = signedInUser.require().accountId();
        if (questionsFor(kind, lessonId).isEmpty()) {
            return new Availability(false, null, "This course has no questions for the " + kind.yamlName().replace('-', ' ') + " yet.");
        }
        int cooldown = course.quiz(kind).cooldownMinutes();
        Optional<Instant> lastSubmitted = attempts.findByUserIdAndKindOrderByStartedAtAsc(userId, kind).stream()
                .map(QuizAttempt::submittedAt).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder());
        if (kind == QuizSettings.Kind.PRE_TEST && lastSubmitted.isPresent()) {
            // a baseline is taken once: a retake would measure the lessons, or the pre-test itself, not the start
            return new Availability(false, null, "You have taken the pre-test. It records where you started, so it is "
                    + "taken once; the final assessment shows how far you have come.");
        }
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
        List<String> drawn = new ArrayList<>();
        if (kind == QuizSettings.Kind.KNOWLEDGE_CHECK) {
            pool.forEach(q -> drawn.add(q.id()));
        } else {
            Map<String, List<Question>> slots = new TreeMap<>();
            pool.forEach(q -> slots.computeIfAbsent(q.blueprint(), k -> new ArrayList<>()).add(q));
            List<String> seenInPreTest = kind == QuizSettings.Kind.FINAL_ASSESSMENT
                    ? attempts.findByUserIdAndKindOrderByStartedAtAsc(userId, QuizSettings.Kind.PRE_TEST).stream()
                    .flatMap(a -> a.questionIds().stream()).toList()
                    : List.of();
            for (List<Question> slot : slots.values()) {
                List<Question> fresh = slot.stream().filter(q -> !seenInPreTest.contains(q.id())).toList();
                List<Question> from = fresh.isEmpty() ? slot : fresh;
                drawn.add(from.get(random.nextInt(from.size())).id());
            }
        }
        Collections.shuffle(drawn, random);
        return drawn;
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
        long userId = signedInUser.require().accountId();
        try {
            return transaction.execute(status -> {
                QuizAttempt attempt = ownOpenAttempt(attemptId, userId);
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
            QuizAttempt attempt = ownOpenAttempt(attemptId, userId);
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

    /** Closes the attempt and scores it. Submitting again returns the same result. */
    public AttemptResult submit(long attemptId) {
        long userId = signedInUser.require().accountId();
        try {
            return transaction.execute(status -> {
                QuizAttempt attempt = ownAttempt(attemptId, userId);
                if (attempt.isOpen()) {
                    List<QuizResponse> given = responses.findByAttemptId(attemptId);
                    // the pre-test may be left partly blank (blank scores 0); the final needs every answer
                    if (given.size() < attempt.questionIds().size() && attempt.kind() != QuizSettings.Kind.PRE_TEST) {
                        int missing = attempt.questionIds().size() - given.size();
                        throw new AnswerRejectedException(missing == 1 ? "One question is not answered yet."
                                : missing + " questions are not answered yet.");
                    }
                    double total = given.stream().mapToDouble(QuizResponse::score).sum();
                    double percent = Math.round(total * 1000.0 / attempt.questionIds().size()) / 10.0;
                    Boolean passed = attempt.kind() == QuizSettings.Kind.FINAL_ASSESSMENT ? percent >= course.passMark() : null;
                    attempt.submit(percent, passed, now());
                    attempts.saveAndFlush(attempt);
                }
                return result(attempt);
            });
        } catch (ObjectOptimisticLockingFailureException submittedInAnotherTab) {
            return transaction.execute(status -> result(ownAttempt(attemptId, userId)));
        }
    }

    /** The learner's submitted attempts at a quiz, oldest first. */
    public List<AttemptResult> myResults(QuizSettings.Kind kind) {
        long userId = signedInUser.require().accountId();
        return transaction.execute(status -> attempts.findByUserIdAndKindOrderByStartedAtAsc(userId, kind).stream()
                .filter(a -> !a.isOpen()).map(this::result).toList());
    }

    /** The attempt that counts for this quiz under the course's counting rule, if any was submitted. */
    public Optional<AttemptResult> countingResult(QuizSettings.Kind kind) {
        List<AttemptResult> results = myResults(kind);
        if (results.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (course.quiz(kind).counts()) {
            case FIRST -> results.getFirst();
            case LAST -> results.getLast();
            case HIGHEST -> results.stream().max(Comparator.comparingDouble(AttemptResult::scorePercent)).orElseThrow();
        });
    }

    /** The learner's best knowledge-check score per lesson id (practice: shown as progress, never graded). */
    public Map<String, Double> bestKnowledgeCheckScores() {
        Map<String, Double> best = new HashMap<>();
        for (AttemptResult result : myResults(QuizSettings.Kind.KNOWLEDGE_CHECK)) {
            if (result.lessonId() != null) {
                best.merge(result.lessonId(), result.scorePercent(), Math::max);
            }
        }
        return best;
    }

    /** The lessons whose knowledge check the learner has tried: at least one answer checked, finished or not. */
    public java.util.Set<String> knowledgeChecksTried() {
        long userId = signedInUser.require().accountId();
        return transaction.execute(status -> {
            java.util.Set<String> tried = new java.util.HashSet<>();
            for (QuizAttempt attempt : attempts.findByUserIdAndKindOrderByStartedAtAsc(userId, QuizSettings.Kind.KNOWLEDGE_CHECK)) {
                if (attempt.lessonId() != null && !tried.contains(attempt.lessonId()) && !responses.findByAttemptId(attempt.id()).isEmpty()) {
                    tried.add(attempt.lessonId());
                }
            }
            return tried;
        });
    }

    /** Normalised learning gain (post − pre) / (100 − pre), once both a pre-test and a final assessment exist. */
    public Optional<Double> learningGain() {
        Optional<AttemptResult> pre = countingResult(QuizSettings.Kind.PRE_TEST);
        Optional<AttemptResult> post = countingResult(QuizSettings.Kind.FINAL_ASSESSMENT);
        if (pre.isEmpty() || post.isEmpty()) {
            return Optional.empty();
        }
        return LearningGain.normalised(pre.get().scorePercent(), post.get().scorePercent());
    }

    /** A past attempt of the learner's, with answers, key and feedback as the quiz's review setting allows. */
    public AttemptResult review(long attemptId) {
        long userId = signedInUser.require().accountId();
        return transaction.execute(status -> {
            QuizAttempt attempt = ownAttempt(attemptId, userId);
            if (attempt.isOpen()) {
                throw new AnswerRejectedException("This attempt is still open; submit it to see the review.");
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

    private QuizAttempt ownOpenAttempt(long attemptId, long userId) {
        QuizAttempt attempt = ownAttempt(attemptId, userId);
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
                course.quiz(attempt.kind()).feedback());
    }

    private boolean hasPassedFinal(long userId) {
        return attempts.findByUserIdAndKindOrderByStartedAtAsc(userId, QuizSettings.Kind.FINAL_ASSESSMENT).stream()
                .anyMatch(a -> Boolean.TRUE.equals(a.passed()));
    }

    private AttemptResult result(QuizAttempt attempt) {
        QuizSettings.FeedbackTiming timing = course.quiz(attempt.kind()).feedback();
        boolean showFeedback = timing != QuizSettings.FeedbackTiming.NEVER
                && (timing != QuizSettings.FeedbackTiming.AFTER_PASSING || hasPassedFinal(attempt.userId()));
        boolean showOutcomes = !showFeedback && timing == QuizSettings.FeedbackTiming.AFTER_PASSING;
        List<QuestionOutcome> outcomes = new ArrayList<>();
        List<QuestionPaper> papers = new ArrayList<>();
        Map<String, Answer> answers = new LinkedHashMap<>();
        List<QuestionFeedback> feedback = new ArrayList<>();
        Map<String, QuizResponse> byQuestion = new HashMap<>();
        responses.findByAttemptId(attempt.id()).forEach(r -> byQuestion.put(r.questionId(), r));
        for (String id : attempt.questionIds()) {
            Optional<Question> question = course.question(id);
            QuizResponse response = byQuestion.get(id);
            boolean leftBlank = response == null && attempt.kind() == QuizSettings.Kind.PRE_TEST;
            if (question.isEmpty() || response == null && !leftBlank) {
                continue;
            }
            Answer answer = leftBlank ? new Answer.Unanswered() : AnswerCodec.decode(response.answer());
            double score = leftBlank ? 0 : response.score();
            papers.add(QuestionPapers.of(question.get(), attempt.seed()));
            answers.put(id, answer);
            if (showFeedback) {
                feedback.add(FeedbackWriter.of(course, question.get(), answer, Grading.grade(question.get(), answer)));
            } else if (showOutcomes) {
                Question q = question.get();
                String sectionTitle = course.sectionLabel(q.lessonId(), q.sectionId());
                outcomes.add(new QuestionOutcome(id, score, score >= 1.0, q.lessonId(), q.sectionId(), sectionTitle));
            }
        }
        return new AttemptResult(attempt.id(), attempt.kind(), attempt.lessonId(),
                attempt.scorePercent() == null ? 0 : attempt.scorePercent(), attempt.passed(), attempt.submittedAt(),
                feedback, papers, answers, outcomes);
    }
}

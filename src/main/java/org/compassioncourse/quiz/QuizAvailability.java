package org.compassioncourse.quiz;

import org.compassioncourse.security.SignedInUser;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.InstructorContact;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which quizzes the signed-in learner may start or resume now, and if not, why and when: questions to draw from, the
 * pre-test taken once, the final's opening (lessons completed, or the pre-test taken), its attempt limit with the
 * instructors' grants, a pass closing it, and the cool-down between attempts. Also an attempt under way and the final's
 * start page. The one place these rules are decided; {@link QuizAttempts} asks it before a new attempt starts.
 */
@Service
@PreAuthorize("hasAnyRole('LEARNER', 'INSTRUCTOR')")
public class QuizAvailability {

    private final Course course;
    private final QuizAttemptRepository attempts;
    private final QuizResponseRepository responses;
    private final AttemptGrantRepository grants;
    private final LessonCompletion lessonCompletion;
    private final SignedInUser signedInUser;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final LearnerScores learnerScores;
    private @Nullable CohortService cohorts;

    QuizAvailability(Course course, QuizAttemptRepository attempts, QuizResponseRepository responses, AttemptGrantRepository grants,
                     LessonCompletion lessonCompletion, SignedInUser signedInUser, PlatformTransactionManager transactionManager,
                     Clock clock, LearnerScores learnerScores) {
        this.course = course;
        this.attempts = attempts;
        this.responses = responses;
        this.grants = grants;
        this.lessonCompletion = lessonCompletion;
        this.signedInUser = signedInUser;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.learnerScores = learnerScores;
    }

    @Autowired
    void findInstructorsWith(CohortService cohorts) {
        this.cohorts = cohorts;
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
        if (questionsFor(course, kind, lessonId).isEmpty()) {
            return new Availability(false, null, "This course has no questions for the " + kind.yamlName().replace('-', ' ') + " yet.");
        }
        List<QuizAttempt> mine = all.stream().filter(a -> a.kind() == kind).toList();
        if (mine.stream().anyMatch(QuizAttempt::isOpen)) {
            return new Availability(true, null, ""); // an attempt under way can always be resumed
        }
        List<QuizAttempt> scored = mine.stream().filter(QuizAttempt::scored).toList();
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
        Optional<Instant> lastSubmitted = scored.stream().map(QuizAttempt::submittedAt).filter(Objects::nonNull)
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
        if (CountedResults.passedFinal(course, scored)) {
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
                && all.stream().filter(a -> a.kind() == QuizSettings.Kind.PRE_TEST).noneMatch(QuizAttempt::scored)) {
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

    /** Who can grant one more attempt, by name and email: the instructor of a cohort the learner joined. */
    private String whoGrantsAnotherAttempt() {
        List<InstructorContact> instructors = cohorts == null ? List.of() : cohorts.myInstructors();
        if (instructors.isEmpty()) {
            return "Only the instructor of a cohort you have joined can grant you one more attempt: ask your education office "
                    + "which instructor runs this course, and join their cohort with the code they give you.";
        }
        return "Please write to your instructor, " + instructors.stream().map(InstructorContact::describe)
                .collect(Collectors.joining(" or ")) + ": they can grant you one more attempt.";
    }

    /** The questions a quiz draws from: the lesson's practice questions, or every assessment question. */
    static List<Question> questionsFor(Course course, QuizSettings.Kind kind, @Nullable String lessonId) {
        return course.questions().stream()
                .filter(q -> kind == QuizSettings.Kind.KNOWLEDGE_CHECK
                        ? q.use() == Question.Use.KNOWLEDGE_CHECK && q.lessonId().equals(lessonId)
                        : q.use() == Question.Use.ASSESSMENT)
                .toList();
    }

    /** Whether the signed-in learner has completed this lesson (as the progress feature decides it). */
    public boolean myLessonFinished(String lessonId) {
        signedInUser.require();
        return course.lesson(lessonId).map(lesson -> !lessonCompletion.myUnfinishedLessonTitles().contains(lesson.title())).orElse(false);
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
        int questions = (int) questionsFor(course, QuizSettings.Kind.FINAL_ASSESSMENT, null).stream().map(Question::blueprint).distinct().count();
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

    /** Where the learner stands with one assessment, for the course page: can they start it, an attempt under way. */
    public record AssessmentState(Availability availability, @Nullable OpenAttempt open, @Nullable AttemptAllowance finalAttempts) {
    }

    /** The course page's quiz figures: every score, and the pre-test's and final's state. */
    public record MyAssessments(QuizScores scores, Map<QuizSettings.Kind, AssessmentState> states) {

        public AssessmentState state(QuizSettings.Kind kind) {
            return Objects.requireNonNull(states.get(kind), kind.toString());
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
            Map<QuizSettings.Kind, AssessmentState> states = new EnumMap<>(QuizSettings.Kind.class);
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

    /** Databases keep microseconds: the time as it will read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

package org.compassioncourse.completion;

import org.compassioncourse.administration.AuditAction;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.administration.InstructorAuditLog;
import org.compassioncourse.security.SignedInUser;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.cohort.LearnerInMyCohort;
import org.compassioncourse.content.CompletionContent;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Evaluation;
import org.compassioncourse.progress.CourseProgress;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.quiz.QuizScores;
import org.compassioncourse.quiz.QuizResults;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Completing the course: the completion moment, the course evaluation and the certificate, for the signed-in learner;
 * and for instructors, the same for learners of their own cohorts (revoking included) and a cohort's evaluations.
 * Whether a learner has completed is decided by {@link CompletionRule} alone and recorded once.
 */
@Service
@PreAuthorize("hasAnyRole('LEARNER', 'INSTRUCTOR')")
public class CompletionService {

    public static final int MAX_TEXT_ANSWER = 4000;
    public static final int MAX_REVOKE_REASON = 500;

    private final Course course;
    private final CompletionContent content;
    private final ProgressService progress;
    private final QuizResults quizzes;
    private final CohortService cohorts;
    private final CompletionRecords records;
    private final CertificateProperties properties;
    private final SignedInUser signedInUser;
    private final InstructorAuditLog auditLog;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final CompletionRecording recording;

    CompletionService(Course course, CompletionContent content, ProgressService progress, QuizResults quizzes, CohortService cohorts,
                      CompletionRecords records, CertificateProperties properties, SignedInUser signedInUser,
                      InstructorAuditLog auditLog, PlatformTransactionManager transactionManager, Clock clock,
                      CompletionRecording recording) {
        this.recording = recording;
        this.course = course;
        this.content = content;
        this.progress = progress;
        this.quizzes = quizzes;
        this.cohorts = cohorts;
        this.records = records;
        this.properties = properties;
        this.signedInUser = signedInUser;
        this.auditLog = auditLog;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    // ---- the learner ------------------------------------------------------------------------------------

    /** Where the signed-in learner stands; records the completion the first time it is seen. */
    public CompletionStatus myStatus() {
        long userId = signedInUser.require().accountId();
        CourseProgress mine = progress.myProgress();
        // scores only (one query): the completion needs no attempt's feedback
        QuizScores scores = quizzes.myScores();
        Instant firstPass = scores.finalFirstPassedAt().orElse(null);
        Optional<CompletionRecords.Completion> recorded = recording.recordIfCompleted(userId, mine, scores);
        return new CompletionStatus((int) mine.completedLessons(), mine.lessons().size(), firstPass != null,
                recorded.map(CompletionRecords.Completion::completedAt).orElse(null),
                recorded.map(CompletionRecords.Completion::finalScore).orElse(null), !content.evaluation().isEmpty(),
                records.evaluationSubmittedAt(userId).orElse(null), records.certificateOf(userId).orElse(null));
    }

    /** The evaluation's questions (the view lays them out). */
    public Evaluation evaluation() {
        return content.evaluation();
    }

    /**
     * Stores the signed-in learner's evaluation: once, after completing the course, with every required item answered.
     *
     * @param likert the chosen point per Likert item id, 1 = the lowest point of the scale
     * @param texts the free-text answers per item id (blank = not answered)
     */
    public void submitEvaluation(Map<String, Integer> likert, Map<String, String> texts) {
        CompletionStatus status = myStatus();
        if (!status.completed()) {
            throw new CompletionException("The evaluation opens once you have completed the course: every lesson and a passed final assessment.");
        }
        if (status.evaluationSubmittedAt() != null) {
            throw new CompletionException("You have already sent your evaluation. Thank you.");
        }
        Evaluation evaluation = content.evaluation();
        List<CompletionRecords.EvaluationAnswer> answers = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Evaluation.Item item : evaluation.items()) {
            Integer point = item.kind() == Evaluation.Kind.LIKERT ? likert.get(item.id()) : null;
            String text = item.kind() == Evaluation.Kind.TEXT ? Optional.ofNullable(texts.get(item.id())).map(String::strip)
                    .filter(t -> !t.isEmpty()).orElse(null) : null;
            if (point != null && (point < 1 || point > evaluation.scale().size())) {
                throw new CompletionException("Choose one of the points of the scale for \"" + item.text() + "\".");
            }
            if (text != null && text.length() > MAX_TEXT_ANSWER) {
                throw new CompletionException("Use at most " + MAX_TEXT_ANSWER + " characters for \"" + item.text() + "\".");
            }
            if (point == null && text == null) {
                if (item.required()) {
                    missing.add(item.id());
                }
                continue;
            }
            answers.add(new CompletionRecords.EvaluationAnswer(item.id(), item.text(), point, text));
        }
        if (!missing.isEmpty()) {
            throw new EvaluationIncomplete(missing);
        }
        long userId = signedInUser.require().accountId();
        try {
            transaction.executeWithoutResult(s -> records.saveEvaluation(userId, course.version(), now(), answers));
        } catch (DataIntegrityViolationException sentFromAnotherTab) {
            throw new CompletionException("You have already sent your evaluation. Thank you.");
        }
    }

    /**
     * The signed-in learner's certificate: issued on the first call once the course is completed and the evaluation
     * sent; every later call (a double click, a download next year) returns the same issue record.
     */
    public IssuedCertificate issueMyCertificate() {
        CurrentUser me = signedInUser.require();
        CompletionStatus status = myStatus();
        if (status.certificate() != null) {
            return status.certificate();
        }
        if (!status.completed()) {
            throw new CompletionException("Your certificate comes once you have completed every lesson and passed the final assessment.");
        }
        if (!status.evaluationDone()) {
            throw new CompletionException("Please fill in the course evaluation first: the certificate follows it.");
        }
        Instant issuedAt = now();
        IssuedCertificate certificate = new IssuedCertificate(VerificationCode.generate(), me.displayName(), course.title(),
                course.version(), LocalDate.ofInstant(Objects.requireNonNull(status.completedAt()), clock.getZone()),
                content.ceHours(course).orElse(null),
                content.certificate().map(c -> c.provider()).orElse(null),
                content.certificate().map(c -> c.accreditation()).orElse(null),
                content.certificate().map(c -> c.contact()).orElse(null), issuedAt, null, null);
        try {
            transaction.executeWithoutResult(s -> records.insertCertificate(me.accountId(), certificate));
        } catch (DataIntegrityViolationException issuedInAnotherTab) {
            // the other click's certificate is the one
        }
        return records.certificateOf(me.accountId()).orElseThrow();
    }

    /** The signed-in learner's certificate as a PDF (issued first if need be); a revoked one is refused. */
    public byte[] myCertificatePdf(PaperSize paper) {
        IssuedCertificate certificate = issueMyCertificate();
        if (certificate.revoked()) {
            throw new CompletionException("This certificate was revoked by your instructor: " + certificate.revokedReason());
        }
        return CertificatePdf.render(printed(certificate), properties.verificationLink(certificate.code()), paper);
    }

    /**
     * The characters of the name on the signed-in learner's certificate (the issued one, else their current name) that
     * the certificate cannot print, so the page can say so before the learner downloads it; empty when all of it prints.
     */
    public List<String> unprintableInMyCertificateName() {
        CurrentUser me = signedInUser.require();
        String name = records.certificateOf(me.accountId()).map(IssuedCertificate::learnerName).orElse(me.displayName());
        return CertificatePdf.unprintable(name);
    }

    /** The verification link printed on a certificate. */
    /** The certificate as printed: with "valid until" where completions expire (the day /verify and the training status use). */
    private IssuedCertificate printed(IssuedCertificate certificate) {
        return certificate.withValidUntil(content.validity().validUntil(certificate.completedOn()).orElse(null));
    }

    public String verificationLink(IssuedCertificate certificate) {
        return properties.verificationLink(certificate.code());
    }

    /** The signed-in learner's evaluation answers, for their own record. */
    public List<EvaluationAnswerView> myEvaluationAnswers() {
        long userId = signedInUser.require().accountId();
        Evaluation evaluation = content.evaluation();
        return records.evaluationAnswers(userId).stream().map(a -> new EvaluationAnswerView(a.itemText(),
                a.likert() == null ? a.text() : a.likert() <= evaluation.scale().size() ? evaluation.scale().get(a.likert() - 1)
                        : String.valueOf(a.likert()))).toList();
    }

    /** One answer of an evaluation as the learner gave it. */
    public record EvaluationAnswerView(String question, @Nullable String answer) {
    }

    // ---- instructors --------------------------------------------------------------------------------------

    /** A learner's recorded completion, evaluation and certificate, for their instructor. */
    public record LearnerCompletion(@Nullable Instant completedAt, @Nullable Double finalScore, @Nullable Instant evaluationSubmittedAt,
                                    @Nullable IssuedCertificate certificate) {
    }

    @PreAuthorize("hasRole('INSTRUCTOR')")
    public LearnerCompletion completionOf(LearnerInMyCohort learner) {
        Optional<CompletionRecords.Completion> completion = records.completion(learner.userId());
        return new LearnerCompletion(completion.map(CompletionRecords.Completion::completedAt).orElse(null),
                completion.map(CompletionRecords.Completion::finalScore).orElse(null),
                records.evaluationSubmittedAt(learner.userId()).orElse(null), records.certificateOf(learner.userId()).orElse(null));
    }

    /** A learner's certificate as a PDF, for their instructor (e.g. to send it on); never issues one. */
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public byte[] certificatePdfOf(LearnerInMyCohort learner, PaperSize paper) {
        IssuedCertificate certificate = records.certificateOf(learner.userId())
                .orElseThrow(() -> new CompletionException("This learner has no certificate."));
        return CertificatePdf.render(printed(certificate), properties.verificationLink(certificate.code()), paper);
    }

    /**
     * Revokes a certificate of a learner in the instructor's own cohort; the verification page then says revoked, and
     * the audit log records who did it, when and why.
     */
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public IssuedCertificate revoke(LearnerInMyCohort learner, String reason) {
        String why = requireReason(reason, "revoking");
        IssuedCertificate certificate = records.certificateOf(learner.userId())
                .orElseThrow(() -> new CompletionException("This learner has no certificate."));
        if (certificate.revoked()) {
            return certificate;
        }
        long instructorId = signedInUser.require().accountId();
        transaction.executeWithoutResult(s -> {
            if (records.revoke(learner.userId(), now(), why, instructorId)) {
                auditLog.record(AuditAction.CERTIFICATE_REVOKED, learner.userId(), "certificate " + certificate.displayCode() + ": " + why);
            }
        });
        return records.certificateOf(learner.userId()).orElseThrow();
    }

    /**
     * Makes a revoked certificate valid again (e.g. revoked by mistake): the same code verifies as valid and the
     * learner can download it again. The revocation and the reinstatement both stay in the audit log.
     */
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public IssuedCertificate reinstate(LearnerInMyCohort learner, String reason) {
        String why = requireReason(reason, "reinstating");
        IssuedCertificate certificate = records.certificateOf(learner.userId())
                .orElseThrow(() -> new CompletionException("This learner has no certificate."));
        if (!certificate.revoked()) {
            return certificate;
        }
        transaction.executeWithoutResult(s -> {
            if (records.reinstate(learner.userId())) {
                auditLog.record(AuditAction.CERTIFICATE_REINSTATED, learner.userId(), "certificate " + certificate.displayCode()
                        + " (revoked " + certificate.revokedAt() + " for: " + certificate.revokedReason() + "): " + why);
            }
        });
        return records.certificateOf(learner.userId()).orElseThrow();
    }

    private static String requireReason(@Nullable String reason, String act) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new CompletionException("Give a reason for " + act + " the certificate; it is kept in the audit log.");
        }
        if (why.length() > MAX_REVOKE_REASON) {
            throw new CompletionException("Use at most " + MAX_REVOKE_REASON + " characters for the reason.");
        }
        return why;
    }

    /** One of the instructor's own cohorts' evaluations, added up; no names. */
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public EvaluationResults cohortEvaluation(long cohortId) {
        CohortSummary cohort = cohorts.requireOwnCohort(cohortId);
        Evaluation evaluation = content.evaluation();
        int points = evaluation.scale().size();
        Map<String, long[]> counts = records.likertCounts(cohortId, Math.max(points, 1));
        List<EvaluationResults.LikertItem> likert = evaluation.items().stream().filter(i -> i.kind() == Evaluation.Kind.LIKERT)
                .map(i -> new EvaluationResults.LikertItem(i.id(), i.text(), i.group(),
                        Arrays.stream(counts.getOrDefault(i.id(), new long[points])).boxed().toList())).toList();
        List<EvaluationResults.Comment> comments = records.comments(cohortId).stream()
                .map(a -> new EvaluationResults.Comment(a.itemText(), Objects.requireNonNull(a.text()))).toList();
        return new EvaluationResults(cohort.name(), records.evaluationsIn(cohortId), evaluation.scale(), likert, comments);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

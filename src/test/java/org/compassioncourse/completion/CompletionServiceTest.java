package org.compassioncourse.completion;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.cohort.CohortException;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.cohort.LearnerInMyCohort;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Evaluation;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ApplicationTest
class CompletionServiceTest {

    @Autowired
    Learners people;
    @Autowired
    CompletionService completion;
    @Autowired
    CertificateVerification verification;
    @Autowired
    ProgressService progress;
    @Autowired
    CohortService cohorts;
    @Autowired
    Course course;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private CurrentUser learnerWhoPassedTheFinal(String name) {
        CurrentUser learner = people.learner(name);
        Learners.actAs(learner);
        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 2000);
        return learner;
    }

    private void sendEvaluation(String comment) {
        Map<String, Integer> likert = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (Evaluation.Item item : completion.evaluation().items()) {
            if (item.kind() == Evaluation.Kind.LIKERT) {
                likert.put(item.id(), 4);
            } else if (item.id().equals("comment")) {
                texts.put(item.id(), comment);
            }
        }
        completion.submitEvaluation(likert, texts);
    }

    @Test
    void passingTheFinalRecordsTheCompletionAtOnceSoTheInstructorSeesItWithoutTheLearnerOpeningAnotherPage() {
        CurrentUser instructor = people.instructor("Ines Instructor");
        Learners.actAs(instructor);
        CohortSummary cohort = cohorts.createCohort("Completion moment " + UUID.randomUUID());
        CurrentUser learner = people.learner("Mo Moment");
        Learners.actAs(learner);
        cohorts.join(cohort.joinCode());

        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 2000);

        Learners.actAs(instructor);
        LearnerInMyCohort mine = cohorts.requireLearnerInOwnCohort(cohort.id(), learner.accountId());
        assertThat(completion.completionOf(mine).completedAt()).as("recorded when the final was passed").isNotNull();
        assertThat(completion.completionOf(mine).finalScore()).isEqualTo(100.0);
    }

    @Test
    void noCertificateBeforeThePassedFinalEvenWithEveryLessonRead() {
        Learners.actAs(people.learner("Rita Reader"));
        people.readEveryLesson();
        assertThat(completion.myStatus().completed()).isFalse();
        assertThatThrownBy(() -> completion.issueMyCertificate()).isInstanceOf(CompletionException.class)
                .hasMessageContaining("passed the final assessment");
        assertThatThrownBy(() -> sendEvaluationFor()).isInstanceOf(CompletionException.class)
                .hasMessageContaining("evaluation opens once you have completed");
    }

    private void sendEvaluationFor() {
        sendEvaluation("too early");
    }

    @Test
    void learnerWhoPassesTheFinalCompletesButGetsTheCertificateOnlyAfterTheEvaluation() {
        learnerWhoPassedTheFinal("Paula Passer");
        CompletionStatus status = completion.myStatus();
        assertThat(status.completed()).isTrue();
        assertThat(status.finalScore()).isEqualTo(100.0);
        assertThat(status.evaluationRequired()).isTrue();
        assertThatThrownBy(() -> completion.issueMyCertificate()).isInstanceOf(CompletionException.class)
                .hasMessageContaining("course evaluation first");

        assertThatThrownBy(() -> completion.submitEvaluation(Map.of(), Map.of())).isInstanceOf(CompletionException.class)
                .hasMessageContaining("statements are not answered yet");
        sendEvaluation("More cases from the ward, please.");
        assertThatThrownBy(() -> sendEvaluation("again")).isInstanceOf(CompletionException.class).hasMessageContaining("already sent");

        IssuedCertificate certificate = completion.issueMyCertificate();
        assertThat(certificate.learnerName()).isEqualTo("Paula Passer");
        assertThat(certificate.courseTitle()).isEqualTo(course.title());
        assertThat(certificate.courseVersion()).isEqualTo(course.version());
        assertThat(certificate.continuingEducation()).as("the fixture course has no certificate: block").isFalse();
        assertThat(certificate.provider()).isNull();
        assertThat(completion.myStatus().certificate()).isEqualTo(certificate);
    }

    @Test
    void oneCertificatePerCompletionEvenOnADoubleClick() throws Exception {
        CurrentUser learner = learnerWhoPassedTheFinal("Dora Double");
        sendEvaluation("");
        var context = SecurityContextHolder.getContext();
        CompletableFuture<IssuedCertificate> first = CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(context);
            return completion.issueMyCertificate();
        });
        CompletableFuture<IssuedCertificate> second = CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(context);
            return completion.issueMyCertificate();
        });
        assertThat(first.get().code()).isEqualTo(second.get().code());
        assertThat(completion.issueMyCertificate().code()).isEqualTo(first.get().code());
        assertThat(learner.accountId()).isPositive();
    }

    @Test
    void aDownloadedCertificateIsTheIssueRecordAndVerifiesUntilRevoked() throws Exception {
        CurrentUser instructor = people.instructor("Ines Instructor");
        Learners.actAs(instructor);
        CohortSummary cohort = cohorts.createCohort("Certificates " + UUID.randomUUID());
        CurrentUser learner = people.learner("Vera Verified");
        Learners.actAs(learner);
        cohorts.join(cohort.joinCode());
        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 2000);
        sendEvaluation("Good course");
        byte[] pdf = completion.myCertificatePdf(PaperSize.A4);
        IssuedCertificate certificate = completion.issueMyCertificate();
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Vera Verified", course.title(), certificate.displayCode(), "/verify/" + certificate.code());
        }

        SecurityContextHolder.clearContext(); // the verification page needs no login
        VerifiedCertificate valid = verification.verify(certificate.displayCode().toLowerCase(), "198.51.100.1").orElseThrow();
        assertThat(valid.valid()).isTrue();
        assertThat(valid.learnerName()).isEqualTo("Vera Verified");
        assertThat(valid.courseTitle()).isEqualTo(course.title());
        assertThat(valid.completedOn()).isEqualTo(certificate.completedOn());
        assertThat(verification.verify("0".repeat(20), "198.51.100.1")).as("unknown").isEmpty();
        assertThat(verification.verify("<script>", "198.51.100.1")).as("malformed, answered like unknown").isEmpty();

        Learners.actAs(instructor);
        LearnerInMyCohort mine = cohorts.requireLearnerInOwnCohort(cohort.id(), learner.accountId());
        assertThat(completion.completionOf(mine).certificate()).isEqualTo(certificate);
        assertThatThrownBy(() -> completion.revoke(mine, "  ")).isInstanceOf(CompletionException.class);
        IssuedCertificate revoked = completion.revoke(mine, "Completed under another learner's account");
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.code()).isEqualTo(certificate.code());

        EvaluationResults results = completion.cohortEvaluation(cohort.id());
        assertThat(results.responses()).isEqualTo(1);
        assertThat(results.likert()).allSatisfy(item -> assertThat(item.counts()).containsExactly(0L, 0L, 0L, 1L, 0L));
        assertThat(results.comments()).extracting(EvaluationResults.Comment::text).containsExactly("Good course");
        assertThat(results.toString()).doesNotContain("Vera");

        SecurityContextHolder.clearContext();
        VerifiedCertificate nowRevoked = verification.verify(certificate.code(), "198.51.100.1").orElseThrow();
        assertThat(nowRevoked.valid()).isFalse();
        assertThat(nowRevoked.revokedOn()).isNotNull();

        Learners.actAs(learner);
        assertThatThrownBy(() -> completion.myCertificatePdf(PaperSize.A4)).isInstanceOf(CompletionException.class)
                .hasMessageContaining("revoked");
    }

    @Test
    void aRevokedCertificateCanBeReinstatedAndBothActsAreInTheAuditLogAndMarkTheInstructorsPdf() throws Exception {
        CurrentUser instructor = people.instructor("Rhea Reinstater");
        Learners.actAs(instructor);
        CohortSummary cohort = cohorts.createCohort("Reinstate " + UUID.randomUUID());
        CurrentUser learner = learnerWhoPassedTheFinal("Remy Revoked");
        cohorts.join(cohort.joinCode());
        sendEvaluation("");
        IssuedCertificate certificate = completion.issueMyCertificate();

        Learners.actAs(instructor);
        LearnerInMyCohort mine = cohorts.requireLearnerInOwnCohort(cohort.id(), learner.accountId());
        assertThatThrownBy(() -> completion.reinstate(mine, "")).isInstanceOf(CompletionException.class).hasMessageContaining("reason");
        completion.revoke(mine, "Wrong learner");
        try (var document = Loader.loadPDF(completion.certificatePdfOf(mine, PaperSize.A4))) {
            assertThat(new PDFTextStripper().getText(document)).as("the instructor's copy of a revoked certificate").contains("REVOKED");
        }
        IssuedCertificate reinstated = completion.reinstate(mine, "Revoked by mistake: it was the right learner");
        assertThat(reinstated.revoked()).isFalse();
        assertThat(reinstated.code()).isEqualTo(certificate.code());
        try (var document = Loader.loadPDF(completion.certificatePdfOf(mine, PaperSize.A4))) {
            assertThat(new PDFTextStripper().getText(document)).doesNotContain("REVOKED");
        }

        assertThat(jdbc.queryForList("select action, actor_id, detail from admin_audit where subject_id = ? order by id",
                learner.accountId())).satisfiesExactly(
                revoked -> assertThat(revoked).containsEntry("ACTION", "CERTIFICATE_REVOKED")
                        .containsEntry("ACTOR_ID", instructor.accountId()).extractingByKey("DETAIL").asString()
                        .contains(certificate.displayCode(), "Wrong learner"),
                back -> assertThat(back).containsEntry("ACTION", "CERTIFICATE_REINSTATED")
                        .extractingByKey("DETAIL").asString().contains("Wrong learner", "Revoked by mistake"));

        SecurityContextHolder.clearContext();
        assertThat(verification.verify(certificate.code(), "198.51.100.7").orElseThrow().valid()).isTrue();
        Learners.actAs(learner);
        assertThat(completion.myCertificatePdf(PaperSize.A4)).as("the learner can download it again").isNotEmpty();
        assertThatThrownBy(() -> completion.revoke(mine, "a learner tries")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anInstructorReachesCertificatesOnlyInTheirOwnCohortsAndLearnersNoInstructorMethod() {
        CurrentUser owner = people.instructor("Olga Owner");
        Learners.actAs(owner);
        CohortSummary cohort = cohorts.createCohort("Owned " + UUID.randomUUID());
        CurrentUser learner = learnerWhoPassedTheFinal("Lara Learner");
        cohorts.join(cohort.joinCode());
        sendEvaluation("");
        completion.issueMyCertificate();
        assertThatThrownBy(() -> completion.cohortEvaluation(cohort.id())).isInstanceOf(AccessDeniedException.class);

        Learners.actAs(people.instructor("Otto Other"));
        assertThatThrownBy(() -> cohorts.requireLearnerInOwnCohort(cohort.id(), learner.accountId())).isInstanceOf(CohortException.class);
        assertThatThrownBy(() -> completion.cohortEvaluation(cohort.id())).isInstanceOf(CohortException.class);

        Learners.actAs(owner);
        LearnerInMyCohort mine = cohorts.requireLearnerInOwnCohort(cohort.id(), learner.accountId());
        assertThat(completion.certificatePdfOf(mine, PaperSize.LETTER)).startsWith("%PDF".getBytes());
    }

    @Test
    void anotherLearnersCertificateIsOutOfReach() {
        learnerWhoPassedTheFinal("Anna Holder");
        sendEvaluation("");
        IssuedCertificate hers = completion.issueMyCertificate();
        Learners.actAs(people.learner("Ben Other"));
        // the services take no user id: all Ben can ask for is his own, and he has none
        assertThatThrownBy(() -> completion.myCertificatePdf(PaperSize.A4)).isInstanceOf(CompletionException.class);
        assertThat(completion.myStatus().certificate()).isNull();
        assertThat(hers.code()).isNotBlank();
    }
}

package org.compassioncourse.completion.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.base.ui.AccessDeniedView;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.completion.CompletionService;
import org.compassioncourse.completion.IssuedCertificate;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.instructor.ui.LearnerView;
import org.compassioncourse.lesson.ui.CourseView;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The completion pages as people use them: the learner's path to a certificate, its public check, the instructor's side. */
@ApplicationTest
class CompletionViewsTest extends SpringBrowserlessTest {

    @Autowired
    Learners people;
    @Autowired
    ProgressService progress;
    @Autowired
    CohortService cohorts;
    @Autowired
    CompletionService completion;
    @Autowired
    Course course;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private byte[] download(Anchor anchor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        test(anchor).download(out);
        return out.toByteArray();
    }

    /** Pass the final, then fill in the evaluation on its page, answering every statement with "Agree". */
    private void passAndEvaluateThroughThePages(CohortSummary cohort) {
        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 2000);
        if (cohort != null) {
            cohorts.join(cohort.joinCode());
        }
        navigate(CourseView.class);
        assertThat($(com.vaadin.flow.component.html.H2.class).withId("completion-heading").single().getText()).isEqualTo("✓ Course completed");
        assertThat($(Paragraph.class).withId("completion-date").single().getText()).startsWith("You completed the course on").contains("100%");
        test($(Button.class).withId("completion-evaluate").single()).click();
        EvaluationView form = (EvaluationView) getCurrentView();
        assertThat($(Paragraph.class).withId("evaluation-required-note").single().getText()).contains("marked • is required");
        assertThat(form.questions.get("how-change").getLabel()).as("an optional question says so").endsWith("(optional)");
        assertThat($(com.vaadin.flow.component.html.H2.class).withClassName("evaluation-group").all())
                .as("the objectives under their lessons, in course order, then the course's own questions")
                .extracting(com.vaadin.flow.component.html.H2::getText)
                .containsExactly(java.util.stream.Stream.concat(java.util.stream.IntStream.range(0, course.lessons().size())
                                .mapToObj(i -> "Lesson " + (i + 1) + ": " + course.lessons().get(i).title()),
                        java.util.stream.Stream.of("About the course")).toArray(String[]::new));
        test($(Button.class).withId("evaluation-send").single()).click();
        assertThat($(Paragraph.class).withId("evaluation-error").single().getText()).contains("not answered yet", "marked below");
        assertThat(form.statements.values()).as("every unanswered required statement says so beside itself").allSatisfy(group -> {
            assertThat(group.isInvalid()).isTrue();
            assertThat(group.getErrorMessage()).isEqualTo("Choose one point of the scale for this statement.");
        });
        assertThat(form.questions.values()).noneMatch(com.vaadin.flow.component.textfield.TextArea::isInvalid);
        var first = form.statements.values().iterator().next();
        first.setValue(4);
        assertThat(first.isInvalid()).as("answering clears the row's message").isFalse();
        form.statements.values().forEach(group -> group.setValue(4));
        form.questions.get("comment").setValue("More ward examples");
        test($(Button.class).withId("evaluation-send").single()).click();
        assertThat($(Paragraph.class).withId("evaluation-done").single().getText()).contains("Thank you");
    }

    @Test
    void aLearnerWhoseNameTheCertificateCannotFullyPrintIsToldBeforeDownloadingAndKoreanAndArabicNamesPrintAsWritten() throws Exception {
        // Thai: no font of the certificate has it
        for (String name : java.util.List.of("สมชาย", "김민준", "فاطمة الزهراء")) {
            Learners.actAs(people.learner(name));
            people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 2000);
            completion.submitEvaluation(completion.evaluation().items().stream()
                    .filter(item -> item.kind() == org.compassioncourse.content.Evaluation.Kind.LIKERT)
                    .collect(java.util.stream.Collectors.toMap(org.compassioncourse.content.Evaluation.Item::id, item -> 4)), Map.of());
            navigate(MyRecordView.class);
            var warnings = $(com.vaadin.flow.component.html.Span.class).withId("record-certificate-name-warning").all();
            if (name.equals("สมชาย")) {
                assertThat(warnings).as("told before the download, not a silent '?'").singleElement()
                        .satisfies(w -> assertThat(w.getText()).contains("ส ม ช า ย", "would show as \"?\"", "Account page"));
            } else {
                assertThat(warnings).isEmpty();
                byte[] pdf = download($(Anchor.class).withId("record-certificate-a4").single());
                try (var document = Loader.loadPDF(pdf)) {
                    assertThat(new PDFTextStripper().getText(document)).contains(name).doesNotContain("?");
                }
            }
        }
    }

    @Test
    void learnerGoesFromTheCompletionMomentThroughTheEvaluationToTheCertificateAndTheirData() throws Exception {
        Learners.actAs(people.learner("Nina Nurse"));
        passAndEvaluateThroughThePages(null);

        navigate(CourseView.class);
        byte[] pdf = download($(Anchor.class).withId("completion-certificate-letter").single());
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Nina Nurse", course.title());
        }
        navigate(MyRecordView.class);
        assertThat($(Paragraph.class).withId("record-certificate").single().getText()).contains("Issued on");
        assertThat($(UnorderedList.class).withId("record-attempts").single().getChildren().count()).isGreaterThanOrEqualTo(1);
        String json = new String(download($(Anchor.class).withId("record-download-data").single()), StandardCharsets.UTF_8);
        assertThat(json).contains("\"account\"", "Nina Nurse", "\"attempts\"", "final-assessment", "\"evaluation\"",
                "More ward examples", "\"certificate\"", completion.myStatus().certificate().code());
    }

    @Test
    void theVerificationPageShowsValidRevokedAndOneNotFoundForUnknownAndMalformedCodes() {
        CurrentUser instructor = people.instructor("Vic Verifier");
        Learners.actAs(instructor);
        CohortSummary cohort = cohorts.createCohort("Verify " + UUID.randomUUID());
        CurrentUser learner = people.learner("Vanessa Valid");
        Learners.actAs(learner);
        passAndEvaluateThroughThePages(cohort);
        IssuedCertificate certificate = completion.issueMyCertificate();

        SecurityContextHolder.clearContext(); // logged out
        navigate(VerifyView.class, Map.of("code", certificate.displayCode()));
        assertThat($(H1.class).withId("verify-result").single().getText()).isEqualTo("✓ Valid certificate");
        String facts = $(DescriptionList.class).withId("verify-facts").single().getElement().getTextRecursively();
        assertThat(facts).contains("Vanessa Valid", course.title()).doesNotContain("@", "100", String.valueOf(learner.accountId()) + " ");
        assertThat(facts).as("who issued it").contains("Issued by", "Compassion Course at localhost:8080", "Issued on");

        navigate(VerifyView.class, Map.of("code", "0".repeat(20)));
        String unknown = $(H1.class).withId("verify-result").single().getText();
        navigate(VerifyView.class, Map.of("code", "not a code!"));
        assertThat($(H1.class).withId("verify-result").single().getText()).isEqualTo(unknown).isEqualTo("Certificate not found");

        // the instructor revokes it from the learner page
        Learners.actAs(instructor);
        navigate(LearnerView.class, Map.of("cohortId", String.valueOf(cohort.id()), "userId", String.valueOf(learner.accountId())));
        assertThat($(Paragraph.class).withId("learner-certificate").single().getText()).contains(certificate.displayCode(), "valid");
        byte[] pdf = download($(Anchor.class).withId("learner-certificate-pdf").single());
        assertThat(new String(pdf, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        test($(TextField.class).withId("revoke-reason").single()).setValue("Issued to the wrong account");
        test($(Button.class).withId("revoke-certificate").single()).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat($(Paragraph.class).withId("learner-certificate").single().getText()).contains("revoked", "Issued to the wrong account");

        navigate(CohortEvaluationView.class, Map.of("cohortId", String.valueOf(cohort.id())));
        assertThat($(Paragraph.class).withId("evaluation-responses").single().getText()).startsWith("1 learner");
        assertThat($(NativeTable.class).withId("evaluation-counts").single().getElement().getTextRecursively()).contains("relevant to my practice");
        var body = $(NativeTable.class).withId("evaluation-counts").single().getElement().getChild(1);
        assertThat(body.getChild(0).getTextRecursively()).as("grouped under the lesson, as the learner rated them")
                .isEqualTo("Lesson 1: " + course.lessons().getFirst().title());
        var firstRow = body.getChild(1);
        assertThat(firstRow.getChild(1).getTextRecursively()).as("the mean point: everyone chose Agree (4 of 5)").isEqualTo("4.00");
        assertThat($(Paragraph.class).withId("evaluation-mean-note").single().getText()).contains("from 1 (Strongly disagree) to 5");
        String csv = new String(download($(Anchor.class).withId("download-evaluation").single()), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFkind,item_id,question,answers,mean_1_to_5,count_strongly_disagree,")
                .contains("statement,relevant-to-practice,The course was relevant to my practice.,1,4.00,0,0,0,1,0,")
                .contains("More ward examples").doesNotContain("Vanessa");
        assertThat($(UnorderedList.class).withId("evaluation-comments").single().getElement().getTextRecursively())
                .contains("More ward examples").doesNotContain("Vanessa");

        SecurityContextHolder.clearContext();
        navigate(VerifyView.class, Map.of("code", certificate.code()));
        assertThat($(H1.class).withId("verify-result").single().getText()).isEqualTo("✗ Revoked certificate");
        assertThat($(Paragraph.class).withId("verify-revoked").single().getText()).startsWith("This certificate was revoked on");
    }

    @Test
    void theVerificationPageWithoutACodeAsksForOneAndOpensItsCheck() {
        CurrentUser learner = people.learner("Tara Typed");
        Learners.actAs(learner);
        passAndEvaluateThroughThePages(null);
        IssuedCertificate certificate = completion.issueMyCertificate();

        SecurityContextHolder.clearContext();
        navigate("verify", VerifyView.class);
        assertThat($(H1.class).withId("verify-result").single().getText()).isEqualTo("Check a certificate");
        test($(Button.class).withId("verify-check").single()).click();
        assertThat($(TextField.class).withId("verify-code").single().isInvalid()).as("nothing typed").isTrue();

        test($(TextField.class).withId("verify-code").single()).setValue(certificate.displayCode().toLowerCase());
        test($(Button.class).withId("verify-check").single()).click();
        assertThat($(H1.class).withId("verify-result").single().getText()).isEqualTo("✓ Valid certificate");
        assertThat($(DescriptionList.class).withId("verify-facts").single().getElement().getTextRecursively()).contains("Tara Typed");

        navigate(VerifyView.class, Map.of("code", "0".repeat(20)));
        assertThat($(H1.class).withId("verify-result").single().getText()).isEqualTo("Certificate not found");
        assertThat($(TextField.class).withId("verify-code").single().getValue()).as("the wrong code, to correct").isEqualTo("0".repeat(20));
    }

    @Test
    void revokingAsksForConfirmationAndARevokedCertificateCanBeReinstatedFromTheLearnerPage() throws Exception {
        CurrentUser instructor = people.instructor("Cleo Confirmer");
        Learners.actAs(instructor);
        CohortSummary cohort = cohorts.createCohort("Confirm " + UUID.randomUUID());
        CurrentUser learner = people.learner("Carl Certified");
        Learners.actAs(learner);
        passAndEvaluateThroughThePages(cohort);
        completion.issueMyCertificate();

        Learners.actAs(instructor);
        navigate(LearnerView.class, Map.of("cohortId", String.valueOf(cohort.id()), "userId", String.valueOf(learner.accountId())));
        test($(Button.class).withId("revoke-certificate").single()).click();
        assertThat($(ConfirmDialog.class).all()).as("no reason given: the field says so, nothing to confirm").isEmpty();
        assertThat($(TextField.class).withId("revoke-reason").single().isInvalid()).isTrue();

        test($(TextField.class).withId("revoke-reason").single()).setValue("Clicked by mistake");
        test($(Button.class).withId("revoke-certificate").single()).click();
        test($(ConfirmDialog.class).single()).cancel();
        assertThat($(Paragraph.class).withId("learner-certificate").single().getText()).as("cancelled").endsWith("valid");

        test($(Button.class).withId("revoke-certificate").single()).click();
        test($(ConfirmDialog.class).last()).confirm();
        assertThat($(Paragraph.class).withId("learner-certificate").single().getText()).contains("revoked", "Clicked by mistake");
        Anchor pdf = $(Anchor.class).withId("learner-certificate-pdf").single();
        assertThat(pdf.getText()).contains("REVOKED");
        try (var document = Loader.loadPDF(download(pdf))) {
            assertThat(new PDFTextStripper().getText(document)).contains("REVOKED");
        }

        test($(TextField.class).withId("reinstate-reason").single()).setValue("Revoked by mistake");
        test($(Button.class).withId("reinstate-certificate").single()).click();
        test($(ConfirmDialog.class).last()).confirm();
        assertThat($(Paragraph.class).withId("learner-certificate").single().getText()).endsWith("valid");
        assertThat($(Button.class).withId("revoke-certificate").exists()).isTrue();
    }

    @Test
    void learnersCannotOpenTheInstructorsEvaluationPageAndOtherInstructorsSeeNotFound() {
        CurrentUser owner = people.instructor("Oona Owner");
        Learners.actAs(owner);
        CohortSummary cohort = cohorts.createCohort("Private " + UUID.randomUUID());
        Learners.actAs(people.learner("Leo Learner"));
        navigate("instructor/cohort/" + cohort.id() + "/evaluation", AccessDeniedView.class);
        assertThat($(CohortEvaluationView.class).all()).isEmpty();
        navigate(EvaluationView.class);
        assertThat($(Paragraph.class).withId("evaluation-not-yet").exists()).isTrue();

        Learners.actAs(people.instructor("Otis Other"));
        navigate(CohortEvaluationView.class, Map.of("cohortId", String.valueOf(cohort.id())));
        assertThat($(H1.class).single().getText()).isEqualTo("Cohort not found");
    }
}

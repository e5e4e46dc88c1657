package org.compassioncourse.completion.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.compassioncourse.base.ui.UserTime;
import org.compassioncourse.cohort.LearnerInMyCohort;
import org.compassioncourse.completion.CompletionException;
import org.compassioncourse.completion.CompletionService;
import org.compassioncourse.completion.IssuedCertificate;
import org.compassioncourse.completion.PaperSize;
import org.compassioncourse.quiz.ScorePercent;

/**
 * For the instructor's learner page: the learner's completion, evaluation and certificate at a glance, the
 * certificate's PDF, and revoking it with a reason.
 */
public final class LearnerCompletionPanel extends Div {

    private final CompletionService completion;
    private final LearnerInMyCohort learner;

    public LearnerCompletionPanel(CompletionService completion, LearnerInMyCohort learner) {
        this.completion = completion;
        this.learner = learner;
        addClassName("learner-completion");
        setId("learner-completion");
        show();
    }

    private void show() {
        removeAll();
        CompletionService.LearnerCompletion status = completion.completionOf(learner);
        Paragraph completed = new Paragraph("Completion: " + (status.completedAt() == null ? "not completed yet"
                : "completed on " + UserTime.date(status.completedAt()) + " (final " + ScorePercent.format(status.finalScore()) + ")")
                + " · Evaluation: " + (status.evaluationSubmittedAt() == null ? "not sent" : "sent"));
        completed.setId("learner-completion-status");
        add(completed);
        IssuedCertificate certificate = status.certificate();
        Paragraph line = new Paragraph();
        line.setId("learner-certificate");
        add(line);
        if (certificate == null) {
            line.setText("Certificate: none issued");
            return;
        }
        line.setText("Certificate: " + certificate.displayCode() + ", issued " + UserTime.date(certificate.issuedAt())
                + (certificate.revoked() ? " — revoked on " + UserTime.date(certificate.revokedAt()) + ": " + certificate.revokedReason() : " — valid"));
        DownloadHandler pdf = download -> {
            byte[] bytes = completion.certificatePdfOf(learner, PaperSize.A4);
            download.setFileName("certificate.pdf");
            download.setContentType("application/pdf");
            download.getOutputStream().write(bytes);
        };
        Anchor link = new Anchor(pdf, "Certificate (PDF, A4)");
        link.setId("learner-certificate-pdf");
        add(new Paragraph(link));
        if (!certificate.revoked()) {
            TextField reason = new TextField("Reason for revoking");
            reason.setMaxLength(CompletionService.MAX_REVOKE_REASON);
            reason.setId("revoke-reason");
            Paragraph error = new Paragraph();
            error.getElement().setAttribute("role", "alert");
            Button revoke = new Button("Revoke certificate", click -> {
                try {
                    completion.revoke(learner, reason.getValue());
                    show();
                } catch (CompletionException refused) {
                    error.setText(refused.getMessage());
                }
            });
            revoke.setId("revoke-certificate");
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(new Div(reason, revoke), error);
        }
    }
}

package org.compassioncourse.completion.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
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
import org.jspecify.annotations.Nullable;

/**
 * For the instructor's learner page: the learner's completion, evaluation and certificate at a glance, the
 * certificate's PDF, and revoking it (after a confirmation) or reinstating it, each with a reason.
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
            download.setFileName(certificate.revoked() ? "certificate-REVOKED.pdf" : "certificate.pdf");
            download.setContentType("application/pdf");
            download.getOutputStream().write(bytes);
        };
        Anchor link = new Anchor(pdf, certificate.revoked() ? "Certificate (PDF, A4, marked REVOKED)" : "Certificate (PDF, A4)");
        link.setId("learner-certificate-pdf");
        add(new Paragraph(link));
        TextField reason = new TextField(certificate.revoked() ? "Reason for reinstating" : "Reason for revoking");
        reason.setMaxLength(CompletionService.MAX_REVOKE_REASON);
        reason.setId(certificate.revoked() ? "reinstate-reason" : "revoke-reason");
        reason.setHelperText("Kept in the audit log with your name and the time.");
        Paragraph error = new Paragraph();
        error.setId("certificate-action-error");
        error.getElement().setAttribute("role", "alert");
        Button act = certificate.revoked()
                ? new Button("Reinstate certificate…", click -> confirm(reason, error, false))
                : new Button("Revoke certificate…", click -> confirm(reason, error, true));
        act.setId(certificate.revoked() ? "reinstate-certificate" : "revoke-certificate");
        if (!certificate.revoked()) {
            act.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        add(new Div(reason, act), error);
    }

    /** Asks before acting: revoking makes the public verification page say "revoked" at once. */
    private @Nullable ConfirmDialog confirm(TextField reason, Paragraph error, boolean revoking) {
        if (reason.getValue().isBlank()) {
            reason.setErrorMessage("Give a reason first; it is kept in the audit log.");
            reason.setInvalid(true);
            reason.focus();
            return null;
        }
        reason.setInvalid(false);
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("certificate-confirm");
        if (revoking) {
            dialog.setHeader("Revoke this certificate?");
            dialog.setText("The verification page will say it is revoked, and the learner can no longer download it. "
                    + "You can reinstate it later; both are recorded in the audit log.");
            dialog.setConfirmText("Revoke");
            dialog.setConfirmButtonTheme("error primary");
        } else {
            dialog.setHeader("Reinstate this certificate?");
            dialog.setText("The same code will verify as valid again and the learner can download it again. "
                    + "The revocation stays in the audit log.");
            dialog.setConfirmText("Reinstate");
        }
        dialog.setCancelable(true);
        dialog.addConfirmListener(confirmed -> {
            try {
                if (revoking) {
                    completion.revoke(learner, reason.getValue());
                } else {
                    completion.reinstate(learner, reason.getValue());
                }
                show();
            } catch (CompletionException refused) {
                error.setText(refused.getMessage());
            }
        });
        dialog.open();
        return dialog;
    }
}

package org.compassioncourse.completion.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import org.compassioncourse.base.ui.UserTime;
import org.compassioncourse.completion.CompletionService;
import org.compassioncourse.completion.CompletionStatus;
import org.compassioncourse.completion.MyDataExport;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.quiz.AttemptScore;
import org.compassioncourse.quiz.QuizScores;
import org.compassioncourse.quiz.QuizResults;
import org.compassioncourse.quiz.ScorePercent;

/**
 * The learner's own record: completion, evaluation, certificate, every submitted attempt, and a download of all the
 * data the app holds about them.
 */
@Route("my-record")
@PageTitle("My record · Compassion Course")
@Menu(order = 3.5, title = "My record", icon = "vaadin:diploma")
@PermitAll
public class MyRecordView extends Main implements BeforeEnterObserver {

    private final CompletionService completion;
    private final QuizResults quizzes;
    private final MyDataExport export;

    public MyRecordView(CompletionService completion, QuizResults quizzes, MyDataExport export) {
        this.completion = completion;
        this.quizzes = quizzes;
        this.export = export;
        addClassNames("page", "record-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1("My record"));
        CompletionStatus status = completion.myStatus();

        add(new H2("Completion"));
        Paragraph completed = new Paragraph(status.completed()
                ? "Completed on " + UserTime.date(status.completedAt()) + " (final assessment " + ScorePercent.format(status.finalScore()) + ")."
                : "Not completed yet: " + status.lessonsCompleted() + " of " + status.lessonsTotal() + " lessons completed, final assessment "
                + (status.finalPassed() ? "passed." : "not passed yet."));
        completed.setId("record-completion");
        add(completed);

        add(new H2("Course evaluation"));
        Paragraph evaluation = new Paragraph(!status.evaluationRequired() ? "This course has no evaluation."
                : status.evaluationSubmittedAt() != null ? "Sent on " + UserTime.date(status.evaluationSubmittedAt()) + "."
                : status.completed() ? "Not sent yet; it comes before your certificate." : "Opens once you have completed the course.");
        evaluation.setId("record-evaluation");
        add(evaluation);
        if (status.completed() && !status.evaluationDone()) {
            add(new Paragraph(new Anchor("evaluation", "Fill in the course evaluation")));
        }

        add(new H2("Certificate"));
        Paragraph certificate = new Paragraph();
        certificate.setId("record-certificate");
        if (status.certificate() != null && status.certificate().revoked()) {
            certificate.setText("Revoked on " + UserTime.date(status.certificate().revokedAt()) + ": " + status.certificate().revokedReason());
        } else if (status.certificateAvailable()) {
            if (status.certificate() != null) {
                certificate.add("Issued on " + UserTime.date(status.certificate().issuedAt()) + ", verification code "
                        + status.certificate().displayCode() + ". ");
            }
            certificate.add(new CertificateLinks(completion, "record"));
        } else {
            certificate.setText("Your certificate is available once you have completed the course and sent the evaluation.");
        }
        add(certificate);

        add(new H2("Your attempts"));
        UnorderedList attempts = new UnorderedList();
        attempts.setId("record-attempts");
        // scores only, one query: each attempt's questions and feedback are on its own result page
        QuizScores scores = quizzes.myScores();
        for (QuizSettings.Kind kind : QuizSettings.Kind.values()) {
            for (AttemptScore result : scores.of(kind)) {
                String what = switch (kind) {
                    case KNOWLEDGE_CHECK -> "Knowledge check (" + result.lessonId() + ")";
                    case PRE_TEST -> "Pre-test";
                    case FINAL_ASSESSMENT -> "Final assessment";
                };
                attempts.add(new ListItem(new Anchor("quiz-review/" + result.attemptId(), what + ", " + UserTime.dateTime(result.submittedAt())
                        + ": " + ScorePercent.format(result.scorePercent())
                        + (result.passed() == null ? "" : result.passed() ? " — passed ✓" : " — not passed ✗"))));
            }
        }
        if (attempts.getChildren().findAny().isEmpty()) {
            attempts.add(new ListItem("No quiz submitted yet."));
        }
        add(attempts);

        add(new H2("Your data"));
        DownloadHandler json = download -> {
            download.setFileName("my-compassion-course-data.json");
            download.setContentType("application/json");
            export.write(download.getOutputStream());
        };
        Anchor all = new Anchor(json, "Download all my data (JSON)");
        all.setId("record-download-data");
        add(new Paragraph("Your copy of everything the app holds about you: account, progress, attempts with answers, "
                + "evaluation and certificate."), new Paragraph(all));
    }
}

package org.compassioncourse.completion;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.SignedInUser;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.AttemptResult;
import org.compassioncourse.quiz.QuizResults;
import org.compassioncourse.review.ReviewService;
import org.compassioncourse.quiz.StoredAnswers;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Download all my data": the signed-in learner's copy of what the app holds about them, as JSON: account, cohorts,
 * reading progress, every submitted attempt with its answers, the evaluation and the certificate. Answers of an
 * assessment attempt are included where the learner's own review shows them (while the final's key is held back, the
 * result shows advice per lesson instead, and so does this file).
 */
@Service
@PreAuthorize("hasAnyRole('LEARNER', 'INSTRUCTOR')")
public class MyDataExport {

    private final Course course;
    private final SignedInUser signedInUser;
    private final ProgressService progress;
    private final QuizResults quizzes;
    private final CohortService cohorts;
    private final CompletionService completion;
    private final ReviewService review;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    MyDataExport(Course course, SignedInUser signedInUser, ProgressService progress, QuizResults quizzes, CohortService cohorts,
                 CompletionService completion, ReviewService review, Clock clock) {
        this.review = review;
        this.course = course;
        this.signedInUser = signedInUser;
        this.progress = progress;
        this.quizzes = quizzes;
        this.cohorts = cohorts;
        this.completion = completion;
        this.clock = clock;
    }

    public void write(OutputStream out) {
        CurrentUser me = signedInUser.require();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exportedAt", clock.instant().toString());
        data.put("course", Map.of("id", course.id(), "title", course.title(), "version", course.version()));
        data.put("account", Map.of("email", me.getUsername(), "displayName", me.displayName(), "role", me.role().name()));
        data.put("cohorts", cohorts.joinedCohorts().stream().map(c -> Map.of("name", c.name(), "joinCode", c.joinCode())).toList());
        data.put("lessons", progress.myProgress().lessons().stream().map(l -> {
            Map<String, Object> lesson = new LinkedHashMap<>();
            lesson.put("lessonId", l.lessonId());
            lesson.put("title", l.title());
            lesson.put("status", l.status().name());
            lesson.put("sectionsReached", l.sectionsReached());
            lesson.put("firstVisitedAt", text(l.firstVisitedAt()));
            lesson.put("lastVisitedAt", text(l.lastVisitedAt()));
            lesson.put("completedAt", text(l.completedAt()));
            return lesson;
        }).toList());
        List<Map<String, Object>> attempts = new ArrayList<>();
        for (QuizSettings.Kind kind : QuizSettings.Kind.values()) {
            for (AttemptResult result : quizzes.myResults(kind)) {
                Map<String, Object> attempt = new LinkedHashMap<>();
                attempt.put("kind", kind.yamlName());
                attempt.put("lessonId", result.lessonId());
                attempt.put("submittedAt", text(result.submittedAt()));
                attempt.put("scorePercent", result.scorePercent());
                attempt.put("passed", result.passed());
                Map<String, String> answers = new LinkedHashMap<>();
                // a question with no answer reads as its code ("dont-know", "not-answered"), as in the xAPI export
                result.answers().forEach((questionId, answer) -> answers.put(questionId,
                        answer.noAnswer() != null ? answer.noAnswer().code() : StoredAnswers.stored(answer)));
                attempt.put("answers", answers);
                Map<String, Integer> noAnswers = new LinkedHashMap<>();
                for (Answer.NoAnswer which : Answer.NoAnswer.values()) {
                    if (result.count(which) > 0) {
                        noAnswers.put(which.code(), result.count(which));
                    }
                }
                if (!noAnswers.isEmpty()) {
                    attempt.put("questionsWithoutAnswer", noAnswers);
                }
                if (!result.advice().isEmpty()) {
                    attempt.put("answersHeldBack", "shown once the final assessment is passed, as on the result page");
                }
                attempts.add(attempt);
            }
        }
        data.put("attempts", attempts);
        CompletionStatus status = completion.myStatus();
        data.put("completedAt", text(status.completedAt()));
        data.put("evaluation", Map.of("submittedAt", String.valueOf(text(status.evaluationSubmittedAt())),
                "answers", completion.myEvaluationAnswers()));
        IssuedCertificate certificate = status.certificate();
        data.put("certificate", certificate == null ? null : certificate);
        data.put("reviewDeck", review.myDeck().stream().map(card -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("questionId", card.questionId());
            entry.put("lessonId", card.lessonId());
            entry.put("due", text(card.due()));
            entry.put("retired", card.retired());
            entry.put("reviews", card.reviews().stream().map(r -> Map.of("reviewedAt", r.reviewedAt().toString(), "rating", r.rating())).toList());
            return entry;
        }).toList());
        json.writerWithDefaultPrettyPrinter().writeValue(out, data);
    }

    private static @Nullable String text(java.time.@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}

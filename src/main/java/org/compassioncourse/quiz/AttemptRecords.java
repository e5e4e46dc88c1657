package org.compassioncourse.quiz;

import org.compassioncourse.cohort.LearnerInMyCohort;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An instructor's read-only view of one learner's quiz attempts, answer by answer with the key and time taken. */
@Service
@PreAuthorize("hasRole('INSTRUCTOR')")
public class AttemptRecords {

    /** One submitted attempt. */
    public record AttemptDetail(long attemptId, QuizSettings.Kind kind, @Nullable String lessonId, Instant startedAt,
                                @Nullable Instant submittedAt, @Nullable Double scorePercent, @Nullable Boolean passed,
                                boolean abandoned, List<ResponseDetail> responses) {
    }

    /**
     * One answer: what the learner chose, the key, the score and how long it took.
     *
     * @param noAnswer what the question holds if it holds no answer ("I don't know yet", left blank); null for an answer
     */
    public record ResponseDetail(String questionId, @Nullable String scenario, String stem, String answer, String key, double score,
                                 long timeTakenMs, Answer.@Nullable NoAnswer noAnswer) {
    }

    private final QuizAttemptRepository attempts;
    private final QuizResponseRepository responses;
    private final Course course;

    AttemptRecords(QuizAttemptRepository attempts, QuizResponseRepository responses, Course course) {
        this.attempts = attempts;
        this.responses = responses;
        this.course = course;
    }

    /** The learner's attempts, oldest first; the argument proves the instructor may see this learner. */
    @Transactional(readOnly = true)
    public List<AttemptDetail> attemptsOf(LearnerInMyCohort learner) {
        List<AttemptDetail> result = new ArrayList<>();
        // two queries however many attempts: the attempts, then all their responses
        List<QuizAttempt> all = attempts.findByUserIdOrderByStartedAtAsc(learner.userId());
        Map<Long, List<QuizResponse>> responsesByAttempt = all.isEmpty() ? Map.of()
                : responses.findByAttemptIdIn(all.stream().map(QuizAttempt::id).toList()).stream()
                .collect(Collectors.groupingBy(QuizResponse::attemptId));
        for (QuizSettings.Kind kind : QuizSettings.Kind.values()) {
            for (QuizAttempt attempt : all.stream().filter(a -> a.kind() == kind).toList()) {
                Map<String, QuizResponse> byQuestion = responsesByAttempt.getOrDefault(attempt.id(), List.of()).stream()
                        .collect(Collectors.toMap(QuizResponse::questionId, Function.identity()));
                List<ResponseDetail> details = new ArrayList<>();
                for (String questionId : attempt.questionIds()) {
                    QuizResponse response = byQuestion.get(questionId);
                    if (response == null) {
                        continue;
                    }
                    Question question = course.question(questionId).orElse(null);
                    Answer answer = AnswerCodec.decode(response.answer());
                    if (question == null) {
                        details.add(new ResponseDetail(questionId, null, "(question no longer in the course)",
                                answer.noAnswer() != null ? answer.noAnswer().label() : response.answer(), "", response.score(),
                                response.timeTakenMs(), answer.noAnswer()));
                        continue;
                    }
                    QuestionFeedback feedback = FeedbackWriter.of(course, question, answer, Grading.grade(question, answer));
                    details.add(new ResponseDetail(questionId, question.scenario(), question.stem(), describe(answer, feedback), feedback.key(),
                            response.score(), response.timeTakenMs(), answer.noAnswer()));
                }
                result.add(new AttemptDetail(attempt.id(), kind, attempt.lessonId(), attempt.startedAt(), attempt.submittedAt(),
                        attempt.scorePercent(), attempt.passed(), attempt.abandoned(), List.copyOf(details)));
            }
        }
        result.sort(java.util.Comparator.comparing(AttemptDetail::startedAt));
        return result;
    }

    /**
     * The learner's answer in words: "I don't know yet" or "Not answered" as {@link Answer.NoAnswer} says, else from
     * the feedback lines (chosen options, or placements).
     */
    static String describe(Answer answer, QuestionFeedback feedback) {
        if (answer.noAnswer() != null) {
            return answer.noAnswer().label();
        }
        List<String> chosen = feedback.lines().stream().filter(QuestionFeedback.Line::chosen).map(QuestionFeedback.Line::part).toList();
        if (!chosen.isEmpty()) {
            return String.join("; ", chosen);
        }
        long right = feedback.lines().stream().filter(QuestionFeedback.Line::right).count();
        return right + " of " + feedback.lines().size() + " placed correctly";
    }
}

package org.compassioncourse.quiz;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a submitted attempt as an {@link AttemptResult}: its questions and answers, with the key and feedback only
 * as the quiz's feedback setting allows (after passing: once the learner passed the final), else advice per lesson.
 * Used inside the caller's transaction by {@link QuizAttempts#submit} and {@link QuizResults}, which check first
 * that the attempt is the signed-in learner's.
 */
@Component
class ResultWriter {

    private final Course course;
    private final QuizAttemptRepository attempts;
    private final QuizResponseRepository responses;

    ResultWriter(Course course, QuizAttemptRepository attempts, QuizResponseRepository responses) {
        this.course = course;
        this.attempts = attempts;
        this.responses = responses;
    }

    /** Whether the learner has passed the final, asked at most once however many results need it. */
    final class PassedFinal {
        private final long userId;
        private @Nullable Boolean passed;

        PassedFinal(long userId) {
            this.userId = userId;
        }

        boolean get() {
            if (passed == null) {
                passed = CountedResults.passedFinal(course, attempts.findByUserIdAndKindOrderByStartedAtAsc(userId,
                        QuizSettings.Kind.FINAL_ASSESSMENT).stream().filter(QuizAttempt::scored).toList());
            }
            return passed;
        }
    }

    /** For results of one learner written together: whether they passed the final is read once, when first needed. */
    PassedFinal passedFinal(long userId) {
        return new PassedFinal(userId);
    }

    AttemptResult of(QuizAttempt attempt) {
        return of(attempt, responses.findByAttemptId(attempt.id()), passedFinal(attempt.userId()));
    }

    AttemptResult of(QuizAttempt attempt, List<QuizResponse> given, PassedFinal passedFinal) {
        QuizSettings.FeedbackTiming timing = course.quiz(attempt.kind()).feedback();
        boolean showFeedback = timing != QuizSettings.FeedbackTiming.NEVER
                && (timing != QuizSettings.FeedbackTiming.AFTER_PASSING || passedFinal.get());
        boolean showAdvice = !showFeedback && timing == QuizSettings.FeedbackTiming.AFTER_PASSING;
        Map<Question, Double> scores = new LinkedHashMap<>();
        List<QuestionPaper> papers = new ArrayList<>();
        Map<String, Answer> answers = new LinkedHashMap<>();
        List<QuestionFeedback> feedback = new ArrayList<>();
        Map<Answer.NoAnswer, Integer> noAnswers = new EnumMap<>(Answer.NoAnswer.class);
        Map<String, QuizResponse> byQuestion = new HashMap<>();
        given.forEach(r -> byQuestion.put(r.questionId(), r));
        for (String id : attempt.questionIds()) {
            Optional<Question> question = course.question(id);
            QuizResponse response = byQuestion.get(id);
            if (question.isEmpty() || response == null) {
                continue;
            }
            Answer answer = AnswerCodec.decode(response.answer());
            if (answer.noAnswer() != null) {
                noAnswers.merge(answer.noAnswer(), 1, Integer::sum);
            }
            double score = response.score();
            papers.add(QuestionPapers.of(question.get(), attempt.seed()));
            answers.put(id, answer);
            if (showFeedback) {
                feedback.add(FeedbackWriter.of(course, question.get(), answer, Grading.grade(question.get(), answer)));
            } else if (showAdvice) {
                scores.put(question.get(), score);
            }
        }
        return new AttemptResult(attempt.id(), attempt.kind(), attempt.lessonId(),
                attempt.scorePercent() == null ? 0 : attempt.scorePercent(), attempt.passed(), attempt.submittedAt(),
                // while the key is held back the result shows advice per lesson, not the questions with the learner's answers
                feedback, showAdvice ? List.of() : papers, showAdvice ? Map.of() : answers,
                showAdvice ? StudyAdvice.of(course, scores) : List.of(), noAnswers);
    }
}

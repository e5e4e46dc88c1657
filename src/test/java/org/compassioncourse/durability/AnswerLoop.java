package org.compassioncourse.durability;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.quiz.AttemptPaper;
import org.compassioncourse.quiz.QuizAttempts;
import org.compassioncourse.quiz.QuizAvailability;
import org.compassioncourse.support.KeyedAnswers;
import org.compassioncourse.support.Learners;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;

/**
 * A signed-in learner who answers knowledge-check questions of the fixture course one after another, through
 * {@link QuizAttempts#answer} as the quiz page does: each answer is a new saved response. When an attempt is fully
 * answered it is submitted and a new try started (knowledge checks allow unlimited tries).
 */
final class AnswerLoop {

    static final String LESSON = "first-lesson";

    /** One answer the service confirmed, and how long the service call took. */
    record Saved(long attemptId, String questionId, long answerNanos) {
    }

    private final QuizAttempts quizzes;
    private final Course course;
    private final String email;
    private @Nullable AttemptPaper paper;
    private int next;

    /** Registers a new learner and signs them in on the calling thread. */
    AnswerLoop(ApplicationContext app, String learnerName) {
        this.quizzes = app.getBean(QuizAttempts.class);
        this.course = app.getBean(Course.class);
        Learners learners = Learners.in(app);
        CurrentUser learner = learners.learner(learnerName);
        this.email = learner.getUsername();
        Learners.actAs(learner);
    }

    /** The learner's email (unique per loop: a new account each time). */
    String email() {
        return email;
    }

    /** Answers the next question (right); returns once the service has returned, i.e. when the page would say "saved". */
    Saved answerNext() {
        if (paper == null || next == paper.questions().size()) {
            if (paper != null) {
                quizzes.submit(paper.attemptId());
            }
            paper = quizzes.startOrResume(QuizSettings.Kind.KNOWLEDGE_CHECK, LESSON);
            next = 0;
        }
        String questionId = paper.questions().get(next++).id();
        Question question = course.question(questionId).orElseThrow();
        long start = System.nanoTime();
        quizzes.answer(paper.attemptId(), questionId, KeyedAnswers.right(question), 1000);
        return new Saved(paper.attemptId(), questionId, System.nanoTime() - start);
    }
}

package org.compassioncourse.quiz;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server's own timer of the answer path, which the load test reads from /actuator/prometheus. */
@ApplicationTest
class QuizAnswerTimerTest {

    @Autowired
    QuizAttempts quizAttempts;
    @Autowired
    MeterRegistry registry;

    @Test
    @WithCourseUser(email = "answer.timer@ward7.example")
    void everyAnswerSaveIsTimedRefusedOnesToo() {
        Timer timer = registry.get("course.quiz.answer").timer();
        long before = timer.count();
        AttemptPaper paper = quizAttempts.startOrResume(QuizSettings.Kind.KNOWLEDGE_CHECK, "first-lesson");

        quizAttempts.answer(paper.attemptId(), "first-single", new Answer.Choices(Set.of("for")), 1000);
        assertThatThrownBy(() -> quizAttempts.answer(paper.attemptId(), "first-single", new Answer.Choices(Set.of("zzz")), 1))
                .isInstanceOf(AnswerRejectedException.class);

        assertThat(timer.count()).isEqualTo(before + 2);
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    }
}

package org.compassioncourse.instructor;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.CourseContentLoader;
import org.compassioncourse.content.Question;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.Grading;
import org.compassioncourse.quiz.StoredAnswers;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The synthetic generator's answers, on every question of the shipped course: the key scores full marks, a mistake does not. */
class SyntheticAnswersTest {

    private static final Course COURSE = CourseContentLoader.load(Path.of("course-content"));

    private static List<Question> allQuestions() {
        return COURSE.questions();
    }

    @Test
    void rightSyntheticAnswerToEveryQuestionScoresFullMarks() {
        Random random = new Random(1);
        assertThat(allQuestions()).isNotEmpty().allSatisfy(question ->
                assertThat(Grading.grade(question, SyntheticCohortGenerator.answerFor(COURSE, question, true, random)).score())
                        .as(question.id()).isEqualTo(1.0));
    }

    @Test
    void wrongSyntheticAnswerToEveryQuestionIsMarkedWrongIncludingHotspots() {
        Random random = new Random(2);
        assertThat(allQuestions()).allSatisfy(question ->
                assertThat(Grading.grade(question, SyntheticCohortGenerator.answerFor(COURSE, question, false, random)).score())
                        .as(question.id()).isLessThan(1.0));
        assertThat(allQuestions()).as("the shipped course has hotspot questions").anyMatch(q -> q.body() instanceof Question.Hotspot);
    }

    @Test
    void syntheticAnswersAreStoredInTheQuizzesOwnFormatAndReadBackUnchanged() {
        Random random = new Random(3);
        for (Question question : allQuestions()) {
            for (boolean right : new boolean[]{true, false}) {
                Answer answer = SyntheticCohortGenerator.answerFor(COURSE, question, right, random);
                assertThat(StoredAnswers.answer(StoredAnswers.stored(answer))).as(question.id()).isEqualTo(answer);
            }
        }
    }
}

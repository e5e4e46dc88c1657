package org.compassioncourse.quiz;

import org.compassioncourse.content.Course;
import org.compassioncourse.content.CourseContentLoader;
import org.compassioncourse.content.Question;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The marks beside each part of the feedback agree with what the learner did and with the score (issue 19). */
class FeedbackWriterTest {

    private static final Course COURSE = CourseContentLoader.load(Path.of("src/test/resources/course-fixture"));

    private static QuestionFeedback feedback(String id, Answer answer) {
        Question question = COURSE.question(id).orElseThrow();
        return FeedbackWriter.of(COURSE, question, answer, Grading.grade(question, answer));
    }

    @Test
    void aMultipleResponseOptionRightlyLeftUntickedIsMarkedRightNotAsAWrongAnswer() {
        QuestionFeedback all = feedback("first-multi", new Answer.Choices(Set.of("ai", "cb")));
        assertThat(all.correct()).isTrue();
        assertThat(all.lines()).allSatisfy(line -> assertThat(line.right()).as(line.part()).isTrue());
        QuestionFeedback.Line amygdala = all.lines().stream().filter(l -> l.part().equals("Amygdala")).findFirst().orElseThrow();
        assertThat(amygdala.note()).isEqualTo("not a right answer, rightly left out");

        QuestionFeedback half = feedback("first-multi", new Answer.Choices(Set.of("ai", "amy")));
        assertThat(half.lines()).extracting(QuestionFeedback.Line::part, QuestionFeedback.Line::right, QuestionFeedback.Line::note)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Anterior insula", true, "a right answer, your choice"),
                        org.assertj.core.groups.Tuple.tuple("Cerebellum", false, "a right answer you did not choose"),
                        org.assertj.core.groups.Tuple.tuple("Amygdala", false, "not a right answer, your choice"));
    }

    @Test
    void aFullyReversedOrderMarksEveryPairWrongSoNoLineContradictsTheScoreOfZero() {
        QuestionFeedback reversed = feedback("first-ordering", new Answer.Order(List.of("act", "feel", "notice")));
        assertThat(reversed.score()).isZero();
        assertThat(reversed.lines()).hasSize(2).noneMatch(QuestionFeedback.Line::right)
                .allSatisfy(line -> assertThat(line.note()).isEqualTo("this pair is the wrong way round"));
        assertThat(reversed.lines().getFirst().part()).isEqualTo("1. Act → 2. Feel");

        QuestionFeedback oneSwap = feedback("first-ordering", new Answer.Order(List.of("feel", "notice", "act")));
        assertThat(oneSwap.score()).isEqualTo(0.5);
        assertThat(oneSwap.lines()).extracting(QuestionFeedback.Line::right).containsExactly(false, true);
    }

    @Test
    void severalRightOptionsReadAsOneLineWithoutAFullStopBeforeASemicolon() {
        assertThat(FeedbackWriter.joinedAnswers(List.of("In those studies, they went together.", "The link is about activity.")))
                .isEqualTo("In those studies, they went together. The link is about activity.");
        assertThat(FeedbackWriter.joinedAnswers(List.of("Anterior insula", "Cerebellum"))).isEqualTo("Anterior insula; Cerebellum");
        assertThat(feedback("first-multi", new Answer.Choices(Set.of("ai"))).key()).isEqualTo("Anterior insula; Cerebellum");
    }
}

package org.compassioncourse.completion;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.quiz.QuizAvailability;
import org.compassioncourse.quiz.QuizAttempts;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The learner's copy of everything the app holds about them: their own data, and nobody else's. */
@ApplicationTest
class MyDataExportTest {

    @Autowired
    Learners people;
    @Autowired
    MyDataExport export;
    @Autowired
    ProgressService progress;
    @Autowired
    QuizAvailability quizAvailability;
    @Autowired
    QuizAttempts quizAttempts;
    @Autowired
    Course course;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private JsonNode exportOf(CurrentUser user) {
        Learners.actAs(user);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(out);
        return JsonMapper.builder().build().readTree(out.toByteArray());
    }

    @Test
    void theExportHoldsTheAccountProgressAttemptsAndReviewDeckOfTheSignedInLearnerOnly() {
        CurrentUser other = people.learner("Otto Other");
        CurrentUser me = people.learner("Mina Mine");
        Learners.actAs(me);
        Lesson first = course.lessons().getFirst();
        people.open(first);
        progress.completeLesson(first.id());
        people.take(QuizSettings.Kind.KNOWLEDGE_CHECK, first.id(), true, 1000);

        JsonNode data = exportOf(me);

        assertThat(data.get("account").get("displayName").asString()).isEqualTo("Mina Mine");
        assertThat(data.get("lessons").get(0).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(data.get("attempts").size()).isEqualTo(1);
        assertThat(data.get("reviewDeck").size()).as("the finished lesson's knowledge checks are in the review deck").isPositive();
        assertThat(data.toString()).doesNotContain("Otto Other").doesNotContain(other.getUsername());
        assertThat(exportOf(other).get("reviewDeck").size()).as("another learner's export has none of it").isZero();
    }

    @Test
    void aLearnerWhoLeftAPreTestQuestionBlankOrSaidIDontKnowYetCanDownloadTheirData() {
        CurrentUser blank = people.learner("Bea Blank");
        CurrentUser honest = people.learner("Hal Honest");
        Learners.actAs(blank);
        quizAttempts.submit(quizAttempts.startOrResume(QuizSettings.Kind.PRE_TEST, null).attemptId());
        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 1000); // passing shows the pre-test's answers, and exports them
        Learners.actAs(honest);
        var paper = quizAttempts.startOrResume(QuizSettings.Kind.PRE_TEST, null);
        quizAttempts.answer(paper.attemptId(), paper.questions().getFirst().id(), new org.compassioncourse.quiz.Answer.DontKnowYet(), 500);
        quizAttempts.submit(paper.attemptId());
        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 1000);

        JsonNode blankPreTest = preTest(exportOf(blank));
        JsonNode honestPreTest = preTest(exportOf(honest));

        assertThat(blankPreTest.get("answers").properties()).singleElement()
                .satisfies(answer -> assertThat(answer.getValue().asString()).isEqualTo("not-answered"));
        assertThat(blankPreTest.get("questionsWithoutAnswer").get("not-answered").asInt()).isEqualTo(1);
        assertThat(honestPreTest.get("answers").properties()).singleElement()
                .satisfies(answer -> assertThat(answer.getValue().asString()).isEqualTo("dont-know"));
        assertThat(honestPreTest.get("questionsWithoutAnswer").get("dont-know").asInt()).isEqualTo(1);
    }

    private static JsonNode preTest(JsonNode data) {
        for (JsonNode attempt : data.get("attempts")) {
            if (attempt.get("kind").asString().equals("pre-test")) {
                return attempt;
            }
        }
        throw new AssertionError("no pre-test in " + data);
    }
}

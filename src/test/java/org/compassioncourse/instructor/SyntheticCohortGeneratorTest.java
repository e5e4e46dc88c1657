package org.compassioncourse.instructor;

import org.compassioncourse.account.Role;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.content.Course;
import org.compassioncourse.quiz.Grading;
import org.compassioncourse.quiz.StoredAnswers;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ApplicationTest
class SyntheticCohortGeneratorTest {

    @Autowired
    SyntheticCohortGenerator generator;
    @Autowired
    CohortService cohorts;
    @Autowired
    CohortReviewService review;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Course course;

    @Test
    @WithCourseUser(email = "synthetic.teacher@ward7.example", role = Role.INSTRUCTOR)
    void instructorGetsALabelledCohortOfInventedLearnersWhoseAnswersAreGradedLikeRealOnes() {
        long cohortId = generator.generateForMe(30);

        CohortSummary cohort = cohorts.requireOwnCohort(cohortId);
        assertThat(cohort.name()).isEqualTo("[Synthetic] 30 learners");
        assertThat(cohort.members()).isEqualTo(30);
        assertThat(review.overview(cohortId).learners()).isEqualTo(30);
        assertThat(jdbc.queryForList("select u.email from user_account u join cohort_member m on m.user_id = u.id"
                + " where m.cohort_id = ?", String.class, cohortId)).hasSize(30).allMatch(email -> email.endsWith("@synthetic.invalid"));

        var responses = jdbc.queryForList("select r.question_id, r.answer, r.score from quiz_response r join quiz_attempt a"
                + " on a.id = r.attempt_id join cohort_member m on m.user_id = a.user_id where m.cohort_id = ?", cohortId);
        assertThat(responses).hasSizeGreaterThanOrEqualTo(30);
        assertThat(responses).allSatisfy(row -> assertThat(((Number) row.get("score")).doubleValue())
                .isEqualTo(Grading.grade(course.question((String) row.get("question_id")).orElseThrow(),
                        StoredAnswers.answer((String) row.get("answer"))).score()));
        assertThat(responses).as("some answers are wrong, some right")
                .anyMatch(row -> ((Number) row.get("score")).doubleValue() == 0).anyMatch(row -> ((Number) row.get("score")).doubleValue() == 1);
    }

    @Test
    @WithCourseUser(email = "synthetic.teacher2@ward7.example", role = Role.INSTRUCTOR)
    void sizeOutsideTheAllowedRangeIsRefusedWithoutMakingACohort() {
        assertThatThrownBy(() -> generator.generateForMe(0)).hasMessageContaining("between 1 and 5000");
        assertThatThrownBy(() -> generator.generateForMe(SyntheticCohortGenerator.MAX_FROM_PAGE + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(cohorts.myCohorts()).isEmpty();
    }

    @Test
    @WithCourseUser(email = "synthetic.learner@ward7.example")
    void learnerCannotMakeSyntheticCohorts() {
        assertThatThrownBy(() -> generator.generateForMe(5)).isInstanceOf(AccessDeniedException.class);
    }
}

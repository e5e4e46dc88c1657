package org.compassioncourse.instructor;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.cohort.CohortException;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.content.Course;
import org.compassioncourse.quiz.Grading;
import org.compassioncourse.quiz.StoredAnswers;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ApplicationTest
class SyntheticCohortGeneratorTest {

    @Autowired
    Learners people;
    @Autowired
    SyntheticCohortGenerator generator;
    @Autowired
    CohortService cohorts;
    @Autowired
    CohortReports review;
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
        // sorted by name they read in number order: "Synthetic learner 01" ... "30"
        assertThat(jdbc.queryForList("select u.display_name from user_account u join cohort_member m on m.user_id = u.id"
                + " where m.cohort_id = ? order by u.display_name", String.class, cohortId))
                .startsWith("Synthetic learner 01", "Synthetic learner 02").endsWith("Synthetic learner 30");

        // reading looks like a real learner's: a finished lesson has every section reached, in time order
        var finishedLessons = jdbc.queryForList("select lp.user_id, lp.lesson_id, lp.first_visited_at, lp.completed_at,"
                + " (select count(*) from section_reached s where s.user_id = lp.user_id and s.lesson_id = lp.lesson_id) as reached"
                + " from lesson_progress lp join cohort_member m on m.user_id = lp.user_id where m.cohort_id = ? and lp.completed_at is not null", cohortId);
        assertThat(finishedLessons).isNotEmpty().allSatisfy(row -> {
            assertThat(((Number) row.get("reached")).intValue())
                    .isEqualTo(course.lesson((String) row.get("lesson_id")).orElseThrow().sections().size());
            assertThat(toInstant(row.get("completed_at"))).isAfter(toInstant(row.get("first_visited_at"))).isBefore(java.time.Instant.now());
        });

        // lessons are read in course order, so the lesson opened last is the furthest one reached
        var lastOpened = jdbc.queryForList("select lp.user_id, lp.lesson_id from lesson_progress lp join cohort_member m on m.user_id = lp.user_id"
                + " where m.cohort_id = ? and lp.last_visited_at = (select max(o.last_visited_at) from lesson_progress o where o.user_id = lp.user_id)", cohortId);
        assertThat(lastOpened).isNotEmpty().allSatisfy(row -> {
            int order = course.lesson((String) row.get("lesson_id")).orElseThrow().order();
            Number furthest = jdbc.queryForObject("select count(*) from lesson_progress where user_id = ?", Number.class, row.get("user_id"));
            assertThat(order).as("lesson opened last is the furthest").isEqualTo(furthest.intValue());
        });

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
    @WithCourseUser(email = "synthetic.rules@ward7.example", role = Role.INSTRUCTOR)
    void syntheticLearnersOnlyReachStatesTheCourseRulesAllow() {
        long cohortId = generator.generateForMe(120);
        int lessons = course.lessons().size();

        var tookTheFinal = jdbc.queryForList("select a.user_id, min(a.submitted_at) as first_final,"
                + " (select count(*) from lesson_progress lp where lp.user_id = a.user_id and lp.completed_at is not null) as finished,"
                + " (select max(lp.completed_at) from lesson_progress lp where lp.user_id = a.user_id) as last_finished"
                + " from quiz_attempt a join cohort_member m on m.user_id = a.user_id"
                + " where m.cohort_id = ? and a.kind = 'FINAL_ASSESSMENT' group by a.user_id", cohortId);
        assertThat(tookTheFinal).as("some took the final").hasSizeGreaterThan(5).allSatisfy(row -> {
            assertThat(((Number) row.get("finished")).intValue()).as("the final opens after every lesson").isEqualTo(lessons);
            assertThat(toInstant(row.get("first_final"))).isAfter(toInstant(row.get("last_finished")));
        });

        var passed = jdbc.queryForList("select r.user_id, c.completed_at from quiz_result r join cohort_member m on m.user_id = r.user_id"
                + " left join course_completion c on c.user_id = r.user_id"
                + " where m.cohort_id = ? and r.kind = 'FINAL_ASSESSMENT' and r.passed = true", cohortId);
        assertThat(passed).as("some passed").hasSizeGreaterThan(2)
                .allSatisfy(row -> assertThat(row.get("completed_at")).as("a passed learner has completed the course").isNotNull());
        assertThat(review.learners(cohortId, LearnerStatus.PASSED, CohortReports.SortColumn.NAME, true, 0, 1000))
                .allSatisfy(row -> assertThat(row.completedAt()).as("the grid's Completed on").isNotNull());

        Number overLimit = jdbc.queryForObject("select count(*) from (select a.user_id from quiz_attempt a join cohort_member m"
                + " on m.user_id = a.user_id where m.cohort_id = ? and a.kind = 'FINAL_ASSESSMENT' group by a.user_id"
                + " having count(*) > ?) t", Number.class, cohortId, course.quiz(org.compassioncourse.content.QuizSettings.Kind.FINAL_ASSESSMENT)
                .attemptsLimited() ? course.quiz(org.compassioncourse.content.QuizSettings.Kind.FINAL_ASSESSMENT).maxAttempts() : 99);
        assertThat(overLimit.intValue()).as("no one has more final attempts than allowed").isZero();
    }

    private static java.time.Instant toInstant(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toInstant() : ((java.time.OffsetDateTime) value).toInstant();
    }

    @Test
    @WithCourseUser(email = "synthetic.teacher2@ward7.example", role = Role.INSTRUCTOR)
    void sizeOutsideTheAllowedRangeIsRefusedWithoutMakingACohort() {
        assertThatThrownBy(() -> generator.generateForMe(0)).hasMessageContaining("between 1 and 5000");
        assertThatThrownBy(() -> generator.generateForMe(SyntheticCohortGenerator.MAX_FROM_PAGE + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(cohorts.myCohorts()).isEmpty();
    }

    @Test
    @WithCourseUser(email = "synthetic.teacher3@ward7.example", role = Role.INSTRUCTOR)
    void secondSyntheticCohortOfTheSameSizeGetsADistinctName() {
        generator.generateForMe(3);
        generator.generateForMe(3);
        assertThat(cohorts.myCohorts()).extracting(CohortSummary::name)
                .containsExactlyInAnyOrder("[Synthetic] 3 learners", "[Synthetic] 3 learners (2)");
    }

    @Test
    @WithCourseUser(email = "synthetic.teacher4@ward7.example", role = Role.INSTRUCTOR)
    void noRealLearnerCanJoinASyntheticCohortEvenWithItsCode() {
        String code = cohorts.requireOwnCohort(generator.generateForMe(2)).joinCode();
        CurrentUser real = people.learner("Real Nurse");
        Learners.actAs(real);
        for (String typed : new String[]{code, code.toUpperCase(), code.replace("-", "")}) {
            assertThat(cohorts.invitation(typed)).as(typed).isEmpty();
            assertThatThrownBy(() -> cohorts.join(typed)).isInstanceOf(CohortException.class);
        }
    }

    @Test
    @WithCourseUser(email = "synthetic.learner@ward7.example")
    void learnerCannotMakeSyntheticCohorts() {
        assertThatThrownBy(() -> generator.generateForMe(5)).isInstanceOf(AccessDeniedException.class);
    }
}

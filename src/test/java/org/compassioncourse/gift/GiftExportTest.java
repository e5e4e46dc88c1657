package org.compassioncourse.gift;

import org.compassioncourse.content.Course;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The GIFT download holds keys and feedback: instructors and administrators get it, learners are refused by the service. */
@ApplicationTest
class GiftExportTest {

    @Autowired
    GiftExport export;
    @Autowired
    Learners people;
    @Autowired
    Course course;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void learnerIsRefusedTheQuestionBankEvenWithoutTheView() {
        Learners.actAs(people.learner("Lou Learner"));

        assertThatThrownBy(() -> export.export(null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void instructorDownloadsOneLessonWithItsCategoryAndNoOtherLessons() {
        Learners.actAs(people.instructor("Ines Instructor"));
        String lessonId = course.questions().getLast().lessonId();

        GiftWriter.Result result = export.export(lessonId);

        long expected = course.questions().stream().filter(q -> q.lessonId().equals(lessonId)).count();
        assertThat(expected).isPositive();
        assertThat(result.exported() + result.skipped().size()).isEqualTo((int) expected);
        assertThat(result.gift()).contains("$CATEGORY: compassion-course/" + lessonId + "\n")
                .containsOnlyOnce("$CATEGORY:");
    }

    @Test
    void administratorDownloadsTheWholeBankWithASummaryOfSkippedHotspots() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMINISTRATOR")));

        GiftWriter.Result result = export.export(null);

        assertThat(result.exported() + result.skipped().size()).isEqualTo(course.questions().size());
        assertThat(result.gift()).contains("// SKIPPED hotspot \"" + result.skipped().getFirst() + "\"")
                .contains("// Summary: " + result.exported() + " questions exported, " + result.skipped().size() + " skipped");
    }
}

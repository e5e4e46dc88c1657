package org.compassioncourse.cohort.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.cohort.CohortException;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ApplicationTest
class JoinCohortViewTest extends SpringBrowserlessTest {

    @Autowired
    Learners people;
    @Autowired
    CohortService cohorts;

    /** A cohort made by another user, an instructor; the signed-in learner is put back afterwards. */
    private CohortSummary instructorsCohort(String name) {
        Authentication learner = SecurityContextHolder.getContext().getAuthentication();
        CurrentUser teacher = people.instructor("Tess Teacher");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(teacher, null, teacher.getAuthorities()));
        CohortSummary cohort = cohorts.createCohort(name);
        SecurityContextHolder.getContext().setAuthentication(learner);
        return cohort;
    }

    @Test
    @WithCourseUser(email = "link.joiner@ward7.example")
    void learnerWhoOpensAJoinLinkSeesWhoRunsTheCohortAndJoinsWithOneClick() {
        CohortSummary cohort = instructorsCohort("Ward 3 link cohort");
        navigate(JoinCohortView.class, Map.of("code", cohort.joinCode()));

        assertThat($(H1.class).single().getText()).isEqualTo("Join \"Ward 3 link cohort\"");
        assertThat($(Paragraph.class).first().getText()).startsWith("Tess Teacher runs this cohort.").contains("quiz answers");
        assertThat(cohorts.joinedCohorts()).as("opening the link alone joins nobody").isEmpty();

        test($(Button.class).withId("join-cohort").single()).click();
        assertThat($(H1.class).single().getText()).isEqualTo("You're in \"Ward 3 link cohort\"");
        assertThat($(Paragraph.class).withId("joined").single().getText()).startsWith("Your instructor can now follow your progress");
        assertThat(cohorts.joinedCohorts()).extracting(CohortSummary::name).containsExactly("Ward 3 link cohort");
    }

    @Test
    @WithCourseUser(email = "link.member@ward7.example")
    void aMemberOpeningTheLinkAgainIsToldTheyAreAlreadyIn() {
        CohortSummary cohort = instructorsCohort("Already joined cohort");
        cohorts.join(cohort.joinCode());
        navigate(JoinCohortView.class, Map.of("code", cohort.joinCode().toLowerCase()));

        assertThat($(H1.class).single().getText()).isEqualTo("You're in \"Already joined cohort\"");
        assertThat($(Paragraph.class).withId("joined").all()).hasSize(1);
        assertThat($(Button.class).withId("join-cohort").all()).isEmpty();
    }

    @Test
    @WithCourseUser(email = "link.typo@ward7.example")
    void aBrokenLinkSaysSoAndPointsToTheCodeField() {
        navigate(JoinCohortView.class, Map.of("code", "NOSUCH99"));

        assertThat($(H1.class).single().getText()).isEqualTo("This join link does not work");
        assertThat($(Paragraph.class).first().getText()).contains("NOSUCH99").contains("ask your instructor");
        assertThat($(Button.class).withId("join-cohort").all()).isEmpty();
    }

    @Test
    @WithCourseUser(email = "link.owner@ward7.example", role = Role.INSTRUCTOR)
    void instructorOpeningTheirOwnLinkSeesWhatLearnersSeeButCannotJoinAsALearner() {
        CohortSummary own = cohorts.createCohort("My own ward");
        navigate(JoinCohortView.class, Map.of("code", own.joinCode()));

        assertThat($(H1.class).single().getText()).isEqualTo("Your cohort \"My own ward\"");
        assertThat($(Paragraph.class).withId("own-cohort").single().getText()).startsWith("This is your own cohort.");
        assertThat($(Button.class).withId("join-cohort").all()).isEmpty();
        assertThatThrownBy(() -> cohorts.join(own.joinCode())).isInstanceOf(CohortException.class)
                .hasMessage("This is your own cohort: your learners join it with this code.");
        assertThat(cohorts.requireOwnCohort(own.id()).members()).isZero();
    }
}

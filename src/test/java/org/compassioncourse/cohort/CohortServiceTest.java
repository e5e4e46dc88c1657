package org.compassioncourse.cohort;

import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ApplicationTest
class CohortServiceTest {

    @Autowired
    Learners people;
    @Autowired
    CohortService cohorts;

    private void signInAsNewLearner() {
        CurrentUser learner = people.learner("Cohort Learner");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(learner, null, learner.getAuthorities()));
    }

    @Test
    @WithCourseUser(email = "cohort.teacher@ward7.example", role = Role.INSTRUCTOR)
    void instructorCreatesACohortWithAReadableJoinCodeAndLearnersJoinItOnce() {
        CohortSummary created = cohorts.createCohort("  Ward 7 nurses, spring ");
        assertThat(created.name()).isEqualTo("Ward 7 nurses, spring");
        assertThat(created.joinCode()).matches("[A-HJKMNP-Z2-9]{8}");
        var instructor = SecurityContextHolder.getContext().getAuthentication();

        signInAsNewLearner();
        String typed = created.joinCode().toLowerCase().substring(0, 4) + " " + created.joinCode().substring(4);
        assertThat(cohorts.join(typed).members()).isEqualTo(1);
        assertThat(cohorts.join(created.joinCode()).members()).as("joining twice changes nothing").isEqualTo(1);
        assertThat(cohorts.joinedCohorts()).extracting(CohortSummary::name).containsExactly("Ward 7 nurses, spring");

        SecurityContextHolder.getContext().setAuthentication(instructor);
        assertThat(cohorts.myCohorts()).filteredOn(c -> c.id() == created.id()).singleElement()
                .satisfies(c -> assertThat(c.members()).isEqualTo(1));
    }

    @Test
    @WithCourseUser(email = "cohort.teacher2@ward7.example", role = Role.INSTRUCTOR)
    void instructorSeesOnlyTheirOwnCohorts() {
        CohortSummary mine = cohorts.createCohort("Mine");
        CurrentUser other = people.learner("x");
        assertThat(other.isInstructor()).isFalse();

        assertThat(cohorts.myCohorts()).extracting(CohortSummary::id).contains(mine.id());
        assertThat(cohorts.myCohorts()).allSatisfy(c -> assertThat(c.name()).isNotEqualTo("Ward 7 nurses, spring"));
    }

    @Test
    @WithCourseUser(email = "cohort.teacher3@ward7.example", role = Role.INSTRUCTOR)
    void blankCohortNameIsRefusedWithAnExample() {
        assertThatThrownBy(() -> cohorts.createCohort("   ")).isInstanceOf(CohortException.class)
                .hasMessageContaining("Give the cohort a name");
    }

    @Test
    @WithCourseUser(email = "cohort.learner@ward7.example")
    void unknownCodeIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> cohorts.join("NOPE1234")).isInstanceOf(CohortException.class)
                .hasMessage("No cohort has the code \"NOPE1234\". Check the code with your instructor and try again.");
        assertThat(cohorts.joinedCohorts()).isEmpty();
    }

    @Test
    @WithCourseUser(email = "cohort.teacher.twice@ward7.example", role = Role.INSTRUCTOR)
    void secondCohortWithTheSameNameIsRefusedSoCodesAreNotMixedUp() {
        cohorts.createCohort("Night shift, autumn");
        assertThatThrownBy(() -> cohorts.createCohort("  night SHIFT, autumn ")).isInstanceOf(CohortException.class)
                .hasMessageStartingWith("You already have a cohort called \"night SHIFT, autumn\".");
        assertThat(cohorts.myCohorts()).hasSize(1);
    }

    @Test
    @WithCourseUser(email = "cohort.learner.blank@ward7.example")
    void blankCodeIsRefusedWithWhatToEnter() {
        assertThatThrownBy(() -> cohorts.join("  ")).isInstanceOf(CohortException.class)
                .hasMessage("Enter the code your instructor gave you.");
    }

    @Test
    @WithCourseUser(email = "cohort.teacher.rename@ward7.example", role = Role.INSTRUCTOR)
    void instructorRenamesOwnCohortAndTheJoinCodeKeepsWorking() {
        CohortSummary spring = cohorts.createCohort("Ward 7 nurses, sprung");
        cohorts.createCohort("Ward 7 nurses, autumn");

        CohortSummary renamed = cohorts.renameCohort(spring.id(), "  Ward 7 nurses, spring ");
        assertThat(renamed.name()).isEqualTo("Ward 7 nurses, spring");
        assertThat(renamed.joinCode()).as("codes already handed out stay valid").isEqualTo(spring.joinCode());
        assertThat(cohorts.renameCohort(spring.id(), "WARD 7 nurses, spring").name()).as("a change of case only").isEqualTo("WARD 7 nurses, spring");
        assertThatThrownBy(() -> cohorts.renameCohort(spring.id(), "ward 7 NURSES, autumn")).isInstanceOf(CohortException.class)
                .hasMessageStartingWith("You already have a cohort called");
        assertThatThrownBy(() -> cohorts.renameCohort(spring.id(), " ")).isInstanceOf(CohortException.class)
                .hasMessageContaining("Give the cohort a name");
        assertThat(cohorts.requireOwnCohort(spring.id()).name()).isEqualTo("WARD 7 nurses, spring");

        var me = SecurityContextHolder.getContext().getAuthentication();
        CurrentUser other = people.instructor("Oli Other");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(other, null, other.getAuthorities()));
        assertThatThrownBy(() -> cohorts.renameCohort(spring.id(), "Taken over")).isInstanceOf(CohortException.class)
                .hasMessage("There is no such cohort among yours.");
        signInAsNewLearner();
        assertThatThrownBy(() -> cohorts.renameCohort(spring.id(), "Taken over")).isInstanceOf(AuthorizationDeniedException.class);
        SecurityContextHolder.getContext().setAuthentication(me);
        assertThat(cohorts.requireOwnCohort(spring.id()).name()).isEqualTo("WARD 7 nurses, spring");
    }

    @Test
    @WithCourseUser(email = "cohort.learner2@ward7.example")
    void learnerCanNeitherCreateCohortsNorListAnInstructorsCohorts() {
        assertThatThrownBy(() -> cohorts.createCohort("Sneaky")).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> cohorts.myCohorts()).isInstanceOf(AuthorizationDeniedException.class);
    }
}

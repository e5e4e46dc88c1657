package org.compassioncourse.instructor.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import org.compassioncourse.security.Role;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.ui.JoinCohortView;
import org.compassioncourse.progress.ui.MyProgressView;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;


import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class InstructorViewTest extends SpringBrowserlessTest {

    @Autowired
    Learners people;
    @Autowired
    CohortService cohorts;

    @Test
    @WithCourseUser(email = "view.teacher@ward7.example", role = Role.INSTRUCTOR)
    void instructorCreatesACohortAndSeesItsJoinCode() {
        InstructorView view = navigate(InstructorView.class);
        test(view.name).setValue("Night shift carers");
        test(view.create).click();

        String listed = $(UnorderedList.class).withId("cohort-list").single().getElement().getTextRecursively();
        String code = cohorts.myCohorts().getFirst().joinCode();
        assertThat(listed).contains("Night shift carers — join code " + code + " or join link").containsPattern("— created \\d{1,2} \\w{3} \\d{4} —")
                .endsWith("— 0 learners");
        assertThat($(com.vaadin.flow.component.html.Anchor.class).all()).extracting(a -> a.getHref()).contains("join/" + code);
        assertThat(view.created.isVisible()).isTrue();
        assertThat(view.created.getText()).startsWith("✓ Created \"Night shift carers\"").contains(code);
        assertThat(view.created.getElement().getAttribute("role")).as("read out by screen readers").isEqualTo("status");
    }

    @Test
    @WithCourseUser(email = "view.teacher.gift@ward7.example", role = Role.INSTRUCTOR)
    void instructorFindsTheQuestionBankDownloadFromTheirPage() {
        navigate(InstructorView.class);
        assertThat($(com.vaadin.flow.component.html.Anchor.class).withId("question-bank-link").single().getHref()).isEqualTo("question-bank");
        navigate(org.compassioncourse.gift.ui.QuestionBankDownloadView.class);
        assertThat($(com.vaadin.flow.component.html.Anchor.class).all()).extracting(a -> a.getText())
                .contains("Download question bank (GIFT)");
    }

    @Test
    @WithCourseUser(email = "view.teacher2@ward7.example", role = Role.INSTRUCTOR)
    void emptyCohortNameIsExplainedOnTheField() {
        InstructorView view = navigate(InstructorView.class);
        test(view.create).click();
        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).contains("Give the cohort a name");
    }

    @Test
    @WithCourseUser(email = "view.demo.teacher@ward7.example", role = Role.INSTRUCTOR)
    void instructorAddsASyntheticCohortToTryTheReportsOutsideProduction() {
        InstructorView view = navigate(InstructorView.class);
        test(view.syntheticLearners).setValue(12);
        test(view.addSynthetic).click();

        assertThat(cohorts.myCohorts()).singleElement().satisfies(cohort -> {
            assertThat(cohort.name()).isEqualTo("[Synthetic] 12 learners");
            assertThat(cohort.members()).isEqualTo(12);
        });
        assertThat($(UnorderedList.class).withId("cohort-list").single().getElement().getTextRecursively())
                .contains("[Synthetic] 12 learners — invented learners, nobody can join").endsWith("— 12 learners");
        assertThat(view.syntheticLearners.getHelperText()).isEqualTo("Added \"[Synthetic] 12 learners\" to your cohorts above.");
        assertThat(view.addSynthetic.isEnabled()).as("ready for another").isTrue();
    }

    @Test
    @WithCourseUser(email = "view.demo.teacher2@ward7.example", role = Role.INSTRUCTOR)
    void syntheticCohortOfAnImpossibleSizeIsExplainedOnTheField() {
        InstructorView view = navigate(InstructorView.class);
        view.syntheticLearners.setValue(0); // typed into the field; the tester itself refuses values below its minimum
        test(view.addSynthetic).click();
        assertThat(view.syntheticLearners.isInvalid()).isTrue();
        assertThat(view.syntheticLearners.getErrorMessage()).contains("between 1 and 5000");
        assertThat(cohorts.myCohorts()).isEmpty();
    }

    @Test
    @WithCourseUser(email = "view.joiner@ward7.example")
    void learnerWithAWrongCodeIsToldWhatToDo() {
        navigate(MyProgressView.class);
        TextField code = $(TextField.class).withId("join-code").single();
        test(code).setValue("WRONG123");
        test($(Button.class).withId("join-cohort").single()).click();
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).contains("Check the code with your instructor");
    }

    @Test
    @WithCourseUser(email = "view.joiner2@ward7.example")
    void learnerWithAnEmptyCodeIsAskedForIt() {
        navigate(MyProgressView.class);
        test($(Button.class).withId("join-cohort").single()).click();
        TextField code = $(TextField.class).withId("join-code").single();
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).isEqualTo("Enter the code your instructor gave you.");
    }

    @Test
    @WithCourseUser(email = "view.joiner3@ward7.example")
    void learnerWithARightCodeIsShownTheSameConfirmationAsAJoinLinkBeforeJoining() {
        String joinCode = cohortOfAnotherInstructor();
        navigate(MyProgressView.class);
        test($(TextField.class).withId("join-code").single()).setValue(" " + joinCode.toLowerCase() + " ");
        test($(Button.class).withId("join-cohort").single()).click();

        assertThat(getCurrentView()).isInstanceOf(JoinCohortView.class);
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("can see how far you have got");
        assertThat(cohorts.joinedCohorts()).as("not joined until the learner confirms").isEmpty();
    }

    /** A cohort made by another instructor, returning its code; the test's own user is signed in again afterwards. */
    private String cohortOfAnotherInstructor() {
        var me = SecurityContextHolder.getContext().getAuthentication();
        try {
            Learners.actAs(people.instructor("Other Teacher"));
            return cohorts.createCohort("Other ward").joinCode();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(me);
        }
    }
}

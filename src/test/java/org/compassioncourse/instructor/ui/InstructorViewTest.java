package org.compassioncourse.instructor.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import org.compassioncourse.account.Role;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.progress.ui.MyProgressView;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class InstructorViewTest extends SpringBrowserlessTest {

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
        assertThat(listed).contains("Night shift carers — join code " + code + " or join link").endsWith("— 0 learners");
        assertThat($(com.vaadin.flow.component.html.Anchor.class).all()).extracting(a -> a.getHref()).contains("join/" + code);
        assertThat(view.name.getHelperText()).contains(code);
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
                .contains("[Synthetic] 12 learners").endsWith("— 12 learners");
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
}

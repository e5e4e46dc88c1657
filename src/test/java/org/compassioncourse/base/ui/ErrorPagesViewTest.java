package org.compassioncourse.base.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.Location;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class ErrorPagesViewTest extends SpringBrowserlessTest {

    @Test
    @WithCourseUser
    void unknownAddressShowsThePageNotFoundMessageInsteadOfARouteList() {
        navigate("no-such-page", PageNotFoundView.class);
        assertThat(getCurrentView().getElement().getTextRecursively())
                .contains("There is no such page", "mistyped").doesNotContain("route");
    }

    @Test
    @WithCourseUser
    void outdatedLessonLinkGetsTheSamePage() {
        navigate("lesson/no-such-lesson", PageNotFoundView.class);
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("There is no such page");
    }

    @Test
    void unexpectedErrorShowsAReferenceButNeverTheExceptionText() {
        ServerErrorView view = new ServerErrorView();
        BeforeEnterEvent event = Mockito.mock(BeforeEnterEvent.class);
        Mockito.when(event.getLocation()).thenReturn(new Location("instructor/cohort/1"));
        int status = view.setErrorParameter(event, new ErrorParameter<>(Exception.class,
                new IllegalStateException("Column \"FINAL_SCORE\" must be in the GROUP BY list; SQL statement: select ...")));

        assertThat(status).isEqualTo(500);
        String text = view.getElement().getTextRecursively();
        assertThat(text).contains("Something went wrong on our side", "Nothing you saved is lost").containsPattern("Reference for the administrator: [0-9a-f]{8}")
                .doesNotContain("FINAL_SCORE", "SQL", "IllegalStateException");
    }
}

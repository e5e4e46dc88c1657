package org.compassioncourse.gift.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.base.ui.AccessDeniedView;
import org.compassioncourse.content.Course;
import org.compassioncourse.security.Role;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The question bank download page: offered to instructors with a lesson chooser, not to learners. */
@ApplicationTest
class QuestionBankDownloadViewTest extends SpringBrowserlessTest {

    @Autowired
    Course course;

    @Test
    @WithCourseUser(email = "gift.instructor@ward7.example", displayName = "Ines Instructor", role = Role.INSTRUCTOR)
    void instructorChoosesTheWholeBankOrOneLessonAndGetsALabelledDownload() {
        QuestionBankDownloadView view = navigate(QuestionBankDownloadView.class);

        assertThat(view.download.getText()).isEqualTo("Download question bank (GIFT)");
        assertThat(view.download.getHref()).isNotBlank();
        assertThat(view.scope.getValue()).isEqualTo(QuestionBankDownloadView.WHOLE_BANK);
        String second = QuestionBankDownloadView.label(course.lessons().get(1));
        assertThat(view.scope.getListDataView().getItems()).hasSize(course.lessons().size() + 1).contains(second);
        assertThat(QuestionBankDownloadView.lessonId(course.lessons(), second)).isEqualTo(course.lessons().get(1).id());
        assertThat(QuestionBankDownloadView.lessonId(course.lessons(), QuestionBankDownloadView.WHOLE_BANK)).isNull();
    }

    @Test
    @WithCourseUser(email = "gift.learner@ward7.example", displayName = "Lou Learner")
    void learnerIsNotShownThePage() {
        navigate("question-bank", AccessDeniedView.class);

        assertThat($(QuestionBankDownloadView.class).all()).isEmpty();
    }
}

package org.compassioncourse.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.compassioncourse.security.SignedInUser;
import org.compassioncourse.account.WithCourseUser;
import org.compassioncourse.content.Course;
import org.compassioncourse.review.ui.ReviewView;
import org.compassioncourse.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The review page, server-side: due count, one card answered with its sureness, the summary with next due dates. */
@ApplicationTest
class ReviewViewTest extends SpringBrowserlessTest {

    @Autowired Course course;
    @Autowired ReviewCardRepository cards;
    @Autowired SignedInUser signedInUser;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired org.compassioncourse.quiz.KnowledgeCheckAnswers knowledgeCheckAnswers;

    private String page() {
        return ((com.vaadin.flow.component.Component) getCurrentView()).getElement().getOuterHTML();
    }

    @Test
    @WithCourseUser(email = "view.review.nothing@ward7.example")
    void withNothingDueThePageSaysAllCaughtUp() {
        navigate(ReviewView.class);
        assertThat($(Paragraph.class).withId("review-status").single().getText())
                .isEqualTo("All caught up: nothing is due today. Finish a lesson to add its questions.");
        assertThat($(Button.class).withId("start-review").all()).as("hidden").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    @WithCourseUser(email = "view.review.session@ward7.example")
    void aDueCardIsAnsweredWithItsSurenessAndTheSummaryShowsWhenItIsNextDue() {
        long me = signedInUser.require().accountId();
        Clock twoDaysAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(2)), ZoneOffset.UTC);
        new DeckEnrolment(course, cards, twoDaysAgo, transactions, knowledgeCheckAnswers).enrol(me, "first-lesson");
        cards.findByUserIdAndQuestionIdIn(me, DeckEnrolment.knowledgeChecksOf(course, "first-lesson").stream()
                .map(q -> q.id()).filter(id -> !id.equals("first-single")).toList()).forEach(card -> {
            card.retire();
            cards.save(card);
        });

        navigate(ReviewView.class);
        assertThat($(Paragraph.class).withId("review-status").single().getText()).isEqualTo("1 question due today.");
        assertThat(reviewMenuBadge()).isEqualTo("1 due");
        test($(Button.class).withId("start-review").single()).click();
        assertThat(page()).doesNotContain("Answer: ");

        RadioButtonGroup<Object> answer = $(RadioButtonGroup.class).withId("answer-first-single").single();
        test(answer).selectItem("Feeling with someone");
        RadioButtonGroup<Sureness> sure = $(RadioButtonGroup.class).withId("sureness").single();
        assertThat(sure.getLabel()).isEqualTo("How sure were you?");
        test(sure).selectItem("Sure");
        test($(Button.class).withId("check-review-answer").single()).click();

        // a card's first rating Sure (Easy): 8 days, said as a day and date
        assertThat(page()).contains("✓ Correct").containsPattern("Next review: in 8 days, on \\w+day \\d{1,2} \\w+( \\d{4})?\\.");
        assertThat($(Paragraph.class).withId("review-status").single().getText()).as("updated at once")
                .startsWith("All caught up: nothing is due today. Next review: in 8 days, on ");
        test($(Button.class).withId("next-review").single()).click();
        assertThat($(UnorderedList.class).withId("review-summary").single().getElement().getTextRecursively())
                .contains("Which phrase describes empathy?").contains("next review in 8 days, on ");
        navigate(ReviewView.class);
        assertThat(reviewMenuBadge()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    @WithCourseUser(email = "view.review.count@ward7.example")
    void theCountAboveTheSessionFallsWithEachAnswer() {
        long me = signedInUser.require().accountId();
        Clock twoDaysAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(2)), ZoneOffset.UTC);
        new DeckEnrolment(course, cards, twoDaysAgo, transactions, knowledgeCheckAnswers).enrol(me, "first-lesson");
        cards.findByUserIdAndQuestionIdIn(me, DeckEnrolment.knowledgeChecksOf(course, "first-lesson").stream()
                .map(q -> q.id()).filter(id -> !id.equals("first-single") && !id.equals("first-multi")).toList()).forEach(card -> {
            card.retire();
            cards.save(card);
        });

        navigate(ReviewView.class);
        assertThat($(Paragraph.class).withId("review-status").single().getText()).isEqualTo("2 questions due today.");
        assertThat(reviewMenuBadge()).isEqualTo("2 due");
        test($(Button.class).withId("start-review").single()).click();
        test($(RadioButtonGroup.class).withId("answer-first-single").single()).selectItem("Feeling with someone");
        test($(RadioButtonGroup.class).withId("sureness").single()).selectItem("Fairly sure");
        test($(Button.class).withId("check-review-answer").single()).click();

        assertThat($(Paragraph.class).withId("review-status").single().getText()).as("the count follows the answer")
                .isEqualTo("1 question due today.");
        assertThat(reviewMenuBadge()).as("and so does the menu's").isEqualTo("1 due");
        assertThat($(Button.class).withId("start-review").all()).as("no second session offered during one").isEmpty();
    }

    private String reviewMenuBadge() {
        com.vaadin.flow.component.sidenav.SideNavItem item = $(com.vaadin.flow.component.sidenav.SideNavItem.class).all().stream()
                .filter(i -> i.getLabel().equals("Review")).findFirst().orElseThrow();
        return item.getSuffixComponent() == null ? "" : item.getSuffixComponent().getElement().getText();
    }
}

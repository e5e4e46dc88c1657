package org.compassioncourse.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.compassioncourse.base.ui.MainLayout;
import org.compassioncourse.base.ui.UserTime;
import org.compassioncourse.content.Course;
import org.compassioncourse.quiz.AnswerRejectedException;
import org.compassioncourse.quiz.QuestionPaper;
import org.compassioncourse.quiz.ui.AnswerableQuestion;
import org.compassioncourse.review.ReviewService;
import org.compassioncourse.review.Sureness;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spaced review: how many questions are due, a session of due cards answered one by one as in a knowledge check
 * (with "How sure were you?"), what was reviewed and when each card is next due; and practice of a lesson that
 * leaves the schedule alone. The service grades and schedules; this page only lays out. The count above the session
 * follows the learner's answers (it only falls within a day), and every next date is said in words, in the learner's
 * days.
 */
@Route("review")
@PageTitle("Review · Compassion Course")
@Menu(order = 2.5, title = "Review", icon = "vaadin:refresh")
@PermitAll
public class ReviewView extends Main {

    private final ReviewService reviews;
    private final Course course;
    private final Clock clock;
    private final ZoneId zone = UserTime.zone();
    private final Paragraph status = new Paragraph();
    private final Div session = new Div();
    private final Button start = new Button("Start review");
    private final List<ReviewService.ReviewOutcome> done = new ArrayList<>();
    private final List<String> doneStems = new ArrayList<>();

    public ReviewView(ReviewService reviews, Course course, Clock clock) {
        this.reviews = reviews;
        this.course = course;
        this.clock = clock;
        addClassName("page");
        status.setId("review-status");
        session.setId("review-session");
        start.setId("start-review");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> startSession());
        add(new H1("Review"), new Paragraph("Questions from the lessons you have finished come back just before you "
                + "are likely to forget them. Answering them again is what makes them stick."), status, start, session,
                practiceSection());
        start.setVisible(showStatus() > 0);
    }

    /** The count due today, read again after each answer; "Start review" only between sessions. */
    private long showStatus() {
        long due = reviews.dueCount(zone);
        if (due > 0) {
            status.setText(due == 1 ? "1 question due today." : due + " questions due today.");
        } else {
            Optional<java.time.Instant> next = reviews.nextDue();
            status.setText("All caught up: nothing is due today. " + next.map(at -> "Next review: "
                    + NextReviewWords.of(clock.instant(), at, zone) + ".").orElse("Finish a lesson to add its questions."));
        }
        return due;
    }

    private void startSession() {
        done.clear();
        doneStems.clear();
        start.setVisible(false);
        List<ReviewService.ReviewItem> items = reviews.dueSession(zone);
        show(items, 0);
    }

    private void show(List<ReviewService.ReviewItem> items, int index) {
        session.removeAll();
        if (index >= items.size()) {
            summary();
            return;
        }
        ReviewService.ReviewItem item = items.get(index);
        AnswerableQuestion question = new AnswerableQuestion(item.paper(), index + 1, items.size(), course);
        RadioButtonGroup<Sureness> sure = new RadioButtonGroup<>("How sure were you?");
        sure.setItems(Sureness.values());
        sure.setItemLabelGenerator(Sureness::label);
        sure.setId("sureness");
        Paragraph problem = new Paragraph();
        problem.addClassName("form-problem");
        Button check = new Button("Check answer");
        check.setId("check-review-answer");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.setDisableOnClick(true);
        Div after = new Div();
        check.addClickListener(e -> {
            if (question.answer().isEmpty() || sure.getValue() == null) {
                problem.setText(question.answer().isEmpty() ? "Choose an answer first." : "Say how sure you were.");
                check.setEnabled(true);
                return;
            }
            try {
                ReviewService.ReviewOutcome outcome = reviews.answer(item.cardId(), item.reviewNumber(),
                        question.answer().get(), sure.getValue(), zone);
                problem.setText("");
                question.showFeedback(outcome.feedback());
                sure.setReadOnly(true);
                check.setVisible(false);
                done.add(outcome);
                doneStems.add(item.paper().stem());
                Paragraph next = new Paragraph("Next review: " + NextReviewWords.of(clock.instant(), outcome.nextDue(), zone) + ".");
                next.addClassName("next-due");
                showStatus();
                // the menu's "N due" follows too (it only falls within a day: see ReviewService)
                MainLayout layout = findAncestor(MainLayout.class);
                if (layout != null) {
                    layout.refreshBadge("review");
                }
                Button onward = new Button(index + 1 < items.size() ? "Next question" : "Finish", c -> show(items, index + 1));
                onward.setId("next-review");
                after.add(next, onward);
            } catch (AnswerRejectedException rejected) {
                problem.setText(rejected.getMessage());
                check.setEnabled(true);
            }
        });
        spaced(check);
        session.add(new Paragraph(item.lessonTitle()), question, sure, problem, check, after);
    }

    /** Room under a "Check answer" button, so it does not touch the heading that follows. */
    private static void spaced(Button check) {
        check.getStyle().set("margin-bottom", "var(--lumo-space-l)");
    }

    private void summary() {
        H2 heading = new H2("Reviewed");
        UnorderedList list = new UnorderedList();
        list.setId("review-summary");
        for (int i = 0; i < done.size(); i++) {
            ReviewService.ReviewOutcome outcome = done.get(i);
            list.add(new ListItem((outcome.feedback().correct() ? "✓ " : "✗ ") + doneStems.get(i) + " — next review "
                    + NextReviewWords.of(clock.instant(), outcome.nextDue(), zone)));
        }
        session.add(heading, list);
        start.setVisible(showStatus() > 0);
    }

    private Section practiceSection() {
        Section practice = new Section();
        practice.getStyle().set("margin-top", "var(--lumo-space-l)");
        practice.add(new H2("Review a lesson now"), new Paragraph("Practice only: these answers do not change when "
                + "your questions are next due."));
        List<ReviewService.LessonInDeck> lessons = reviews.lessonsInDeck();
        if (lessons.isEmpty()) {
            practice.add(new Paragraph("Finish a lesson to add its questions to your review."));
            return practice;
        }
        Select<ReviewService.LessonInDeck> lesson = new Select<>();
        lesson.setLabel("Lesson");
        lesson.setId("practice-lesson");
        // as wide as the longest lesson title, up to the page's width (the default width cut titles off)
        lesson.setWidthFull();
        lesson.getStyle().set("max-width", "40rem");
        lesson.setItems(lessons);
        lesson.setItemLabelGenerator(ReviewService.LessonInDeck::title);
        lesson.setValue(lessons.getFirst());
        Div questions = new Div();
        Button go = new Button("Practise this lesson", e -> {
            questions.removeAll();
            List<QuestionPaper> papers = reviews.practice(lesson.getValue().lessonId());
            for (int i = 0; i < papers.size(); i++) {
                QuestionPaper paper = papers.get(i);
                AnswerableQuestion question = new AnswerableQuestion(paper, i + 1, papers.size(), course);
                Paragraph problem = new Paragraph();
                Button check = new Button("Check answer");
                spaced(check);
                check.addClickListener(c -> question.answer().ifPresentOrElse(answer -> {
                    try {
                        question.showFeedback(reviews.practiseAnswer(paper.id(), answer));
                        check.setVisible(false);
                        problem.setText("");
                    } catch (AnswerRejectedException rejected) {
                        problem.setText(rejected.getMessage());
                    }
                }, () -> problem.setText("Choose an answer first.")));
                questions.add(question, problem, check);
            }
        });
        go.setId("practise-lesson");
        practice.add(lesson, go, questions);
        return practice;
    }
}

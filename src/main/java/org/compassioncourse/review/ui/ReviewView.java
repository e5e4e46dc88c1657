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
import org.compassioncourse.base.ui.UserTime;
import org.compassioncourse.content.Course;
import org.compassioncourse.quiz.AnswerRejectedException;
import org.compassioncourse.quiz.QuestionPaper;
import org.compassioncourse.quiz.ui.AnswerableQuestion;
import org.compassioncourse.review.ReviewService;
import org.compassioncourse.review.Sureness;

import java.util.ArrayList;
import java.util.List;

/**
 * Spaced review: how many questions are due, a session of due cards answered one by one as in a knowledge check
 * (with "How sure were you?"), what was reviewed and when each card is next due; and practice of a lesson that
 * leaves the schedule alone. The service grades and schedules; this page only lays out.
 */
@Route("review")
@PageTitle("Review · Compassion Course")
@Menu(order = 2.5, title = "Review", icon = "vaadin:refresh")
@PermitAll
public class ReviewView extends Main {

    private final ReviewService reviews;
    private final Course course;
    private final Paragraph status = new Paragraph();
    private final Div session = new Div();
    private final Button start = new Button("Start review");
    private final List<ReviewService.ReviewOutcome> done = new ArrayList<>();
    private final List<String> doneStems = new ArrayList<>();

    public ReviewView(ReviewService reviews, Course course) {
        this.reviews = reviews;
        this.course = course;
        addClassName("page");
        status.setId("review-status");
        session.setId("review-session");
        start.setId("start-review");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> startSession());
        add(new H1("Review"), new Paragraph("Questions from the lessons you have finished come back just before you "
                + "are likely to forget them. Answering them again is what makes them stick."), status, start, session,
                practiceSection());
        showStatus();
    }

    private void showStatus() {
        long due = reviews.dueCount();
        status.setText(due == 0 ? "All caught up: no questions are due. Come back when the next ones are."
                : due == 1 ? "1 question due." : due + " questions due.");
        start.setVisible(due > 0);
    }

    private void startSession() {
        done.clear();
        doneStems.clear();
        start.setVisible(false);
        List<ReviewService.ReviewItem> items = reviews.dueSession();
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
                        question.answer().get(), sure.getValue());
                problem.setText("");
                question.showFeedback(outcome.feedback());
                sure.setReadOnly(true);
                check.setVisible(false);
                done.add(outcome);
                doneStems.add(item.paper().stem());
                Paragraph next = new Paragraph("Next due: " + UserTime.dateTime(outcome.nextDue()));
                next.addClassName("next-due");
                Button onward = new Button(index + 1 < items.size() ? "Next question" : "Finish", c -> show(items, index + 1));
                onward.setId("next-review");
                after.add(next, onward);
            } catch (AnswerRejectedException rejected) {
                problem.setText(rejected.getMessage());
                check.setEnabled(true);
            }
        });
        session.add(new Paragraph(item.lessonTitle()), question, sure, problem, check, after);
    }

    private void summary() {
        H2 heading = new H2("Reviewed");
        UnorderedList list = new UnorderedList();
        list.setId("review-summary");
        for (int i = 0; i < done.size(); i++) {
            ReviewService.ReviewOutcome outcome = done.get(i);
            list.add(new ListItem((outcome.feedback().correct() ? "✓ " : "✗ ") + doneStems.get(i) + " — next due "
                    + UserTime.dateTime(outcome.nextDue())));
        }
        session.add(heading, list);
        showStatus();
    }

    private Section practiceSection() {
        Section practice = new Section();
        practice.add(new H2("Review a lesson now"), new Paragraph("Practice only: these answers do not change when "
                + "your questions are next due."));
        List<ReviewService.LessonInDeck> lessons = reviews.lessonsInDeck();
        if (lessons.isEmpty()) {
            practice.add(new Paragraph("Finish a lesson to add its questions to your review."));
            return practice;
        }
        Select<ReviewService.LessonInDeck> lesson = new Select<>();
        lesson.setLabel("Lesson");
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

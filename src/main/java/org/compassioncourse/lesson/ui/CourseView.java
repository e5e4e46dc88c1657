package org.compassioncourse.lesson.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import org.compassioncourse.completion.CompletionService;
import org.compassioncourse.completion.ui.CompletionBlock;
import org.compassioncourse.training.MyTraining;
import org.compassioncourse.training.ui.TrainingNotice;
import org.compassioncourse.content.CompletionContent;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.progress.CourseProgress;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.progress.ui.StatusBadge;
import org.compassioncourse.quiz.AttemptAllowance;
import org.compassioncourse.quiz.AttemptScore;
import org.compassioncourse.quiz.QuizScores;
import org.compassioncourse.quiz.QuizAvailability;
import org.compassioncourse.quiz.ScorePercent;
import org.compassioncourse.review.ReviewService;
import org.compassioncourse.review.ui.ReviewDueLink;

import java.util.Optional;

/** The course outline: what the course is, the learner's overall progress, "Continue", and every lesson. */
@Route("")
@PageTitle("Course · Compassion Course")
@Menu(order = 1, title = "Course", icon = "vaadin:book")
@PermitAll
public class CourseView extends Main implements BeforeEnterObserver {

    private final Course course;
    private final ProgressService progressService;
    private final QuizAvailability quizAvailability;
    private final CompletionService completionService;
    private final ReviewService reviewService;
    private final CompletionContent completionContent;
    private final MyTraining myTraining;

    public CourseView(Course course, ProgressService progressService, QuizAvailability quizAvailability, CompletionService completionService,
                      ReviewService reviewService, CompletionContent completionContent, MyTraining myTraining) {
        this.reviewService = reviewService;
        this.completionContent = completionContent;
        this.course = course;
        this.progressService = progressService;
        this.quizAvailability = quizAvailability;
        this.completionService = completionService;
        this.myTraining = myTraining;
        addClassNames("page", "course-outline");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        // each figure is read once per visit and the blocks below read these records (no block asks a service again)
        CourseProgress progress = progressService.myProgress();
        QuizAvailability.MyAssessments assessments = quizAvailability.myAssessments();

        add(new H1(course.title()));
        add(new Paragraph(course.summary()));
        Paragraph facts = new Paragraph("For " + course.audience() + " · " + course.lessons().size() + " lessons · about "
                + course.totalMinutes() + " minutes of reading" + completionContent.ceHours(course).map(h -> " · " + formatHours(h) + " CE hours").orElse(""));
        facts.setId("course-facts");
        facts.addClassName("course-facts");
        add(facts);
        add(new TrainingNotice(myTraining.whenAssigned()));
        add(new ReviewDueLink(reviewService.dueCount(org.compassioncourse.base.ui.UserTime.zone())));

        CompletionBlock completion = new CompletionBlock(completionService, completionService.myStatus());
        // once completed, the completion moment comes first: date, score, and what comes next
        add(completion);
        add(progressBlock(progress));
        add(continueBlock(progress, assessments.scores()));
        boolean assessed = course.questions().stream().anyMatch(q -> q.use() == Question.Use.ASSESSMENT);
        if (assessed) {
            add(assessmentBlock(assessments, QuizSettings.Kind.PRE_TEST, "Pre-test",
                    "Before lesson 1: find out what you already know. It does not count toward passing."));
        }

        H2 lessonsHeading = new H2("Lessons");
        lessonsHeading.setId("lessons-heading");
        OrderedList list = new OrderedList();
        list.addClassName("lesson-list");
        list.getElement().setAttribute("aria-labelledby", "lessons-heading");
        for (CourseProgress.LessonRow row : progress.lessons()) {
            Lesson lesson = course.lesson(row.lessonId()).orElseThrow();
            list.add(lessonItem(lesson, row));
        }
        add(lessonsHeading, list);
        if (assessed) {
            add(assessmentBlock(assessments, QuizSettings.Kind.FINAL_ASSESSMENT, "Final assessment",
                    "After the last lesson. Pass with " + course.passMark() + "% or more to complete the course."));
            assessments.scores().learningGain().ifPresent(gain -> {
                Paragraph gained = new Paragraph("Your learning gain from pre-test to final assessment: " + Math.round(gain * 100) + "%.");
                gained.setId("learning-gain");
                add(gained);
            });
        }
    }

    private Section assessmentBlock(QuizAvailability.MyAssessments assessments, QuizSettings.Kind kind, String title, String explanation) {
        H2 heading = new H2(title);
        Paragraph what = new Paragraph(explanation);
        Optional<AttemptScore> counted = assessments.scores().counted(kind);
        Paragraph status = new Paragraph(counted
                .map(r -> (kind == QuizSettings.Kind.PRE_TEST ? "Your score: " : "Your counted score: ") + ScorePercent.format(r.scorePercent())
                        + (r.passed() == null ? "" : r.passed() ? " — passed ✓" : " — not passed yet ✗"))
                .orElse("Not taken yet."));
        status.setId(kind.yamlName() + "-status");
        Section block = new Section(heading, what, status);
        QuizAvailability.AssessmentState state = assessments.state(kind);
        QuizAvailability.Availability availability = state.availability();
        Optional<QuizAvailability.OpenAttempt> open = Optional.ofNullable(state.open());
        if (availability.available()) {
            String label = open.map(o -> "Resume — " + o.answered() + " of " + o.questions() + " answered")
                    .orElse(counted.isPresent() ? "Take it again" : "Take the " + title.toLowerCase());
            Button start = new Button(label, click -> getUI().ifPresent(ui -> ui.navigate("quiz/" + kind.yamlName())));
            start.setId(kind.yamlName() + "-button");
            block.add(start);
            if (kind == QuizSettings.Kind.FINAL_ASSESSMENT && open.isEmpty()) {
                AttemptAllowance attempts = state.finalAttempts();
                if (attempts != null && attempts.limited()) {
                    Paragraph left = new Paragraph("You have " + attempts.describeLeft() + " (of " + attempts.allowed() + ").");
                    left.setId("final-attempts-left");
                    block.add(left);
                }
            }
        } else {
            // say why instead of offering a button that leads to "not now"
            Paragraph why = new Paragraph(availability.reason());
            why.setId(kind.yamlName() + "-unavailable");
            block.add(why);
        }
        counted.ifPresent(result -> {
            Anchor link = new Anchor("quiz-review/" + result.attemptId(), "See your " + title.toLowerCase() + " result");
            link.setId(kind.yamlName() + "-result");
            block.add(new Paragraph(link));
        });
        block.addClassName("assessment-block");
        return block;
    }

    private Section progressBlock(CourseProgress progress) {
        ProgressBar bar = new ProgressBar(0, 100, progress.percentComplete());
        bar.setId("course-progress-bar");
        bar.getElement().setAttribute("aria-label", "Course progress");
        Paragraph text = new Paragraph(progress.completedLessons() + " of " + progress.lessons().size()
                + " lessons completed (" + progress.percentComplete() + "%)");
        text.setId("course-progress-text");
        Section block = new Section(text, bar);
        block.addClassName("progress-block");
        return block;
    }

    private Div continueBlock(CourseProgress progress, QuizScores scores) {
        Div block = new Div();
        block.addClassName("continue-block");
        progress.continuePlace().ifPresentOrElse(place -> {
            boolean starting = place.fresh() && place.lessonOrder() == course.lessons().getFirst().order()
                    && progress.completedLessons() == 0;
            Paragraph where = new Paragraph((starting ? "Start with lesson " : place.fresh() ? "Next: lesson " : "Continue where you left off: lesson ")
                    + place.lessonOrder() + ", " + place.lessonTitle() + (place.fresh() ? "" : " — " + place.sectionTitle()));
            where.setId("continue-text");
            Button go = new Button(starting ? "Start the course" : "Continue", click ->
                    getUI().ifPresent(ui -> ui.navigate(LessonView.class, LessonView.parameters(place.lessonId(), place.sectionId()))));
            go.setId("continue-button");
            go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            block.add(where, go);
        }, () -> {
            boolean assessed = course.questions().stream().anyMatch(q -> q.use() == Question.Use.ASSESSMENT);
            boolean passed = scores.counted(QuizSettings.Kind.FINAL_ASSESSMENT)
                    .map(r -> Boolean.TRUE.equals(r.passed())).orElse(false);
            // completing the course needs a passed final assessment, not merely read lessons
            Paragraph done = new Paragraph(!assessed || passed
                    ? "You have completed the course. Well done — revisit any lesson below whenever you like."
                    : "You have read every lesson. Pass the final assessment below to complete the course.");
            done.setId("continue-text");
            block.add(done);
        });
        return block;
    }

    private ListItem lessonItem(Lesson lesson, CourseProgress.LessonRow row) {
        Span number = new Span("Lesson " + lesson.order() + " · " + lesson.minutes() + " min");
        number.addClassName("lesson-meta");
        RouterLink title = new RouterLink(lesson.title(), LessonView.class, LessonView.parameters(lesson.id(), null));
        title.addClassName("lesson-title");
        title.setId("lesson-link-" + lesson.id());
        Span status = StatusBadge.of(row.status());
        status.setId("lesson-status-" + lesson.id());
        Div header = new Div(number, status);
        header.addClassName("lesson-item-header");
        UnorderedList objectives = new UnorderedList();
        objectives.addClassName("objectives");
        lesson.objectives().forEach(o -> objectives.add(new ListItem(o)));
        ListItem item = new ListItem(header, title, objectives);
        item.addClassName("lesson-item");
        return item;
    }

    static String formatHours(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
    }
}

package org.compassioncourse.support;

import org.compassioncourse.account.AccountService;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.account.RegistrationForm;
import org.compassioncourse.account.TestAccounts;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.progress.ProgressService;
import org.compassioncourse.quiz.AttemptPaper;
import org.compassioncourse.quiz.QuizAttempts;
import org.compassioncourse.quiz.QuizAvailability;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.UUID;

/**
 * People and their study for service-level tests: accounts with unique emails, signing in as one of them, and
 * doing what the lesson and quiz pages do (through the same services), so each test states only what matters.
 * A bean in every {@link ApplicationTest} (inject it); {@link #in} gives one for an application a test starts itself.
 */
public final class Learners {

    /** The password of every account made here. */
    public static final String PASSWORD = "calm-harbour-lantern";

    private final AccountService accounts;
    private final ProgressService progress;
    private final QuizAvailability availability;
    private final QuizAttempts quizzes;
    private final Course course;

    public Learners(AccountService accounts, ProgressService progress, QuizAvailability availability, QuizAttempts quizzes, Course course) {
        this.accounts = accounts;
        this.progress = progress;
        this.availability = availability;
        this.quizzes = quizzes;
        this.course = course;
    }

    /** The Learners of an application the test started itself (not a Spring test context). */
    public static Learners in(ApplicationContext app) {
        return new Learners(app.getBean(AccountService.class), app.getBean(ProgressService.class),
                app.getBean(QuizAvailability.class),
                app.getBean(QuizAttempts.class), app.getBean(Course.class));
    }

    /** A new learner with a unique email made from the name. */
    public CurrentUser learner(String name) {
        return learner(name, email(name));
    }

    /** A new learner with this email, for tests that need to know it (e.g. to log in or to find the account). */
    public CurrentUser learner(String name, String email) {
        return accounts.registerLearner(new RegistrationForm(name, email, PASSWORD));
    }

    /** A new instructor with a unique email made from the name. */
    public CurrentUser instructor(String name) {
        return instructor(name, email(name));
    }

    /** A new instructor with this email. */
    public CurrentUser instructor(String name, String email) {
        return TestAccounts.instructor(accounts, new RegistrationForm(name, email, PASSWORD));
    }

    private static String email(String name) {
        return name.toLowerCase().replaceAll("[^a-z]+", ".").replaceAll("^\\.|\\.$", "") + "-" + UUID.randomUUID() + "@ward7.example";
    }

    /** Signs this user in on the test's thread. */
    public static void actAs(CurrentUser user) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** The signed-in learner opens the first section of a lesson. */
    public void open(Lesson lesson) {
        progress.reachSection(lesson.id(), lesson.firstSection().id());
    }

    /** The signed-in learner opens and finishes every lesson. */
    public void readEveryLesson() {
        for (Lesson lesson : course.lessons()) {
            open(lesson);
            progress.completeLesson(lesson.id());
        }
    }

    /**
     * The signed-in learner takes a quiz: answers every question keyed right (or, if not, wrong), each taking the
     * given time, and submits.
     */
    public void take(QuizSettings.Kind kind, @Nullable String lessonId, boolean right, long millisEach) {
        if (kind == QuizSettings.Kind.FINAL_ASSESSMENT && !availability.availability(kind, null).available()
                && !progress.myProgress().everyLessonRead()) {
            readEveryLesson(); // the final opens once every lesson is completed
        }
        AttemptPaper paper = quizzes.startOrResume(kind, lessonId);
        paper.questions().forEach(q -> {
            Question question = course.question(q.id()).orElseThrow();
            quizzes.answer(paper.attemptId(), q.id(), right ? KeyedAnswers.right(question) : KeyedAnswers.wrong(course, question), millisEach);
        });
        quizzes.submit(paper.attemptId());
    }
}

package org.compassioncourse.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * The Compassion Course under load: learners and instructors following the Vaadin Flow protocol as the browser does
 * (see {@link VaadinUi}). Three journeys, each its own scenario:
 * <ol>
 *     <li><b>lesson</b> (learner): log in, course page, "Start the course", "Next" through every section of the first
 *     lesson, its knowledge check, and five answers checked (choose an option, "Check answer", "Next question");</li>
 *     <li><b>pretest</b> (learner): log in, open the pre-test, answer every question (an option where the question has
 *     options to choose, else "I don't know yet"), submit, and see the result;</li>
 *     <li><b>instructor</b>: log in, the instructor page, the load-test cohort's page with its learner grid.</li>
 * </ol>
 * Closed model, because "500 learners on the ward at once" is a number of people in the app, not an arrival rate: the
 * number of learners in the app rises to {@code users} over {@code rampSeconds} and stays there for {@code holdSeconds}
 * (60% on the lesson journey, 40% on the pre-test; one instructor per 100 learners). A learner who finishes a journey
 * leaves and a new one (the next account, each used once) takes their place. Every step waits a think time of
 * {@code thinkSeconds} ± 50%. System properties: baseUrl, users, rampSeconds, holdSeconds, thinkSeconds, password.
 */
public class CourseSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:18080");
    private static final int USERS = Integer.getInteger("users", 20);
    private static final int RAMP_SECONDS = Integer.getInteger("rampSeconds", 60);
    private static final int HOLD_SECONDS = Integer.getInteger("holdSeconds", 60);
    private static final double THINK_SECONDS = Double.parseDouble(System.getProperty("thinkSeconds", "10"));
    private static final String PASSWORD = System.getProperty("password", "load-test-only-password");
    private static final String INSTRUCTOR = "instructor@loadtest.invalid";
    private static final int KNOWLEDGE_CHECK_ANSWERS = 5;

    /** Each learner account is used by one virtual user only (numbers from 1, as LoadTestAccounts makes them). */
    private static final AtomicInteger NEXT_LEARNER = new AtomicInteger();

    private static Iterator<Map<String, Object>> learners() {
        return Stream.generate(() -> Map.<String, Object>of("email",
                String.format(Locale.ROOT, "learner-%04d@loadtest.invalid", NEXT_LEARNER.incrementAndGet()))).iterator();
    }

    private static VaadinUi ui(Session session) {
        return (VaadinUi) session.get("ui");
    }

    private static ChainBuilder think() {
        long mean = Math.round(THINK_SECONDS * 1000);
        return pause(Duration.ofMillis(mean / 2), Duration.ofMillis(mean * 3 / 2));
    }

    // --- protocol building blocks ---

    /** Spring Security's form login, as the Vaadin LoginForm posts it, with the CSRF token the login page carries. */
    private static ChainBuilder logIn(String emailExpression) {
        return exec(http("login page").get("/login")
                .check(status().is(200), regex("name=\"_csrf\" content=\"([^\"]+)\"").saveAs("springCsrf")))
                .exitHereIfFailed()
                .exec(think())
                .exec(http("login").post("/login")
                        .formParam("username", emailExpression)
                        .formParam("password", PASSWORD)
                        .formParam("_csrf", "#{springCsrf}")
                        .disableFollowRedirect()
                        .check(status().is(302), header("Location").not(BASE_URL + "/login?error"),
                                header("Location").transform(location -> location.contains("/login")).is(false)))
                .exitHereIfFailed();
    }

    /**
     * A page load: the bootstrap page, the init request that creates the UI (security key, UI id), then the
     * navigation event Flow's router sends to render the route; the response must contain {@code expect}.
     */
    private static ChainBuilder openPage(String name, Function<Session, String> route, String expect) {
        return exec(http(name + " (page)").get(session -> "/" + route.apply(session)).check(status().is(200)))
                .exitHereIfFailed()
                .exec(http(name + " (init)")
                        .get(session -> "/?v-r=init&location=" + URLEncoder.encode(route.apply(session), StandardCharsets.UTF_8) + "&query=")
                        .check(status().is(200), bodyString().saveAs("response")))
                .exitHereIfFailed()
                .exec(session -> session.set("ui", VaadinUi.fromInit(session.getString("response"))).remove("response"))
                .exec(uidl(name + " (render)", (ui, session) -> List.of(ui.navigate(route.apply(session))), expect));
    }

    private interface Rpc {
        List<ObjectNode> build(VaadinUi ui, Session session);
    }

    /**
     * One UIDL request: the invocations with csrfToken, syncId and clientId; the response must be a normal UIDL answer
     * (no resynchronisation, no expired session, no error) containing {@code expect} (a regular expression).
     */
    private static ChainBuilder uidl(String name, Rpc rpc, String expect) {
        return exec(http(name)
                .post(session -> "/?v-r=uidl&v-uiId=" + ui(session).uiId())
                .header("Content-Type", "application/json; charset=UTF-8")
                .body(StringBody(session -> ui(session).message(rpc.build(ui(session), session))))
                .check(status().is(200),
                        bodyString().saveAs("response"),
                        regex("\"(appError|sessionExpired|resynchronize)\"").notExists(),
                        regex(expect).exists()))
                .exitHereIfFailed() // a journey stops at its first failure: later steps would fail only because of it
                .exec(session -> {
                    ui(session).apply(session.getString("response"));
                    return session.remove("response");
                });
    }

    // --- journey 1: a lesson and its knowledge check ---

    private static final ChainBuilder LESSON = exec(logIn("#{email}"))
            .exec(openPage("course page", session -> "", "continue-button"))
            .exec(think())
            .exec(uidl("start lesson", (ui, s) -> List.of(ui.click("continue-button")), "section-title"))
            .exec(session -> session.set("sections", 0))
            .asLongAs(session -> ui(session).has("next-section") && !ui(session).has("knowledge-check")
                    && session.getInt("sections") < 20).on(
                    exec(think())
                            .exec(uidl("next section", (ui, s) -> List.of(ui.click("next-section")), "section-title"))
                            .exec(session -> session.set("sections", session.getInt("sections") + 1)))
            .exec(think())
            .exec(uidl("open knowledge check", (ui, s) -> List.of(ui.click("knowledge-check")), "answered-count"))
            // the page shows one question at a time: check it if it is a choice question, then "Next question"
            .exec(session -> session.set("checked", 0).set("moves", 0))
            .asLongAs(session -> session.getInt("checked") < KNOWLEDGE_CHECK_ANSWERS && session.getInt("moves") < 20).on(
                    exec(session -> session.set("questions", choiceQuestions(ui(session))))
                            .doIf(session -> !session.getList("questions").isEmpty()).then(
                                    exec(think())
                                            .exec(uidl("choose answer", (ui, s) -> choose(ui, firstQuestion(s)), "\"node\""))
                                            .exec(uidl("check answer", (ui, s) -> List.of(ui.click("check-" + firstQuestion(s))),
                                                    "\\d+ of \\d+ answered"))
                                            .exec(session -> session.set("checked", session.getInt("checked") + 1)))
                            .doIfOrElse(session -> session.getInt("checked") < KNOWLEDGE_CHECK_ANSWERS
                                    && ui(session).has("next-question") && !ui(session).disabled("next-question")).then(
                                    exec(think())
                                            .exec(uidl("next question", (ui, s) -> List.of(ui.click("next-question")), "\"question-"))
                                            .exec(session -> session.set("moves", session.getInt("moves") + 1)))
                            .orElse(exec(session -> session.set("moves", 20))));

    private static String firstQuestion(Session session) {
        return (String) session.getList("questions").getFirst();
    }

    /** Questions answered by choosing options (radio buttons or checkboxes), in page order. */
    private static List<String> choiceQuestions(VaadinUi ui) {
        List<String> questions = new ArrayList<>();
        for (String card : ui.idsStartingWith("question-")) {
            String id = card.substring("question-".length());
            String tag = ui.tag("answer-" + id).orElse("");
            if (tag.equals("vaadin-radio-group") || tag.equals("vaadin-checkbox-group")) {
                questions.add(id);
            }
        }
        return questions;
    }

    /** Chooses the first option: the group's value property synchronised, then its value-changed event. */
    private static List<ObjectNode> choose(VaadinUi ui, String questionId) {
        String group = "answer-" + questionId;
        String key = ui.firstOptionKey(group);
        boolean radio = ui.tag(group).orElse("").equals("vaadin-radio-group");
        return List.of(ui.sync(group, "value", radio ? VaadinUi.text(key) : VaadinUi.array(key)), ui.changed(group, "value-changed"));
    }

    // --- journey 2: the pre-test, every question answered, submitted ---

    private static final ChainBuilder PRE_TEST = exec(logIn("#{email}"))
            .exec(openPage("course page", session -> "", "continue-button"))
            .exec(think())
            .exec(uidl("open pre-test", (ui, s) -> List.of(ui.click("pre-test-button")), "answered-count"))
            .exec(session -> session.set("questions", ui(session).idsStartingWith("question-").stream()
                    .map(card -> card.substring("question-".length())).toList()))
            .asLongAs(session -> !session.getList("questions").isEmpty()).on(
                    exec(think())
                            .exec(uidl("pre-test answer", (ui, s) -> preTestAnswer(ui, firstQuestion(s)),
                                    "Answer saved\\.|Saved: I don't know yet\\."))
                            .exec(session -> session.set("questions", session.getList("questions").subList(1, session.getList("questions").size()))))
            .exec(think())
            .exec(uidl("submit pre-test", (ui, s) -> List.of(ui.click("submit-quiz")), "quiz-score"));

    /** An option where the question offers options to choose; otherwise "I don't know yet" (an answer, scored 0). */
    private static List<ObjectNode> preTestAnswer(VaadinUi ui, String questionId) {
        String tag = ui.tag("answer-" + questionId).orElse("");
        if (tag.equals("vaadin-radio-group") || tag.equals("vaadin-checkbox-group")) {
            return choose(ui, questionId);
        }
        String dontKnow = "dont-know-" + questionId;
        return List.of(ui.sync(dontKnow, "checked", VaadinUi.bool(true)), ui.changed(dontKnow, "checked-changed"));
    }

    // --- journey 3: the instructor's cohort page ---

    private static final ChainBuilder INSTRUCTOR_COHORT = exec(logIn(INSTRUCTOR))
            .exec(openPage("instructor page", session -> "instructor", "instructor/cohort/"))
            .exec(think())
            .exec(uidl("cohort page", (ui, s) -> List.of(ui.navigate(ui.hrefStartingWith("instructor/cohort/").orElseThrow())),
                    "learner-grid[\\s\\S]*\\$connector\\.set"));

    {
        int lessonLearners = Math.round(USERS * 0.6f);
        int preTestLearners = USERS - lessonLearners;
        int instructors = Math.max(1, USERS / 100);
        Duration ramp = Duration.ofSeconds(RAMP_SECONDS);
        ScenarioBuilder lesson = scenario("lesson").feed(learners()).exec(LESSON);
        ScenarioBuilder preTest = scenario("pretest").feed(learners()).exec(PRE_TEST);
        ScenarioBuilder instructor = scenario("instructor").exec(INSTRUCTOR_COHORT);
        HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
                .acceptHeader("*/*")
                .userAgentHeader("Gatling load test (Compassion Course)")
                .disableCaching();
        Duration hold = Duration.ofSeconds(HOLD_SECONDS);
        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(lesson.injectClosed(rampConcurrentUsers(0).to(lessonLearners).during(ramp),
                constantConcurrentUsers(lessonLearners).during(hold)));
        if (preTestLearners > 0) {
            populations.add(preTest.injectClosed(rampConcurrentUsers(0).to(preTestLearners).during(ramp),
                    constantConcurrentUsers(preTestLearners).during(hold)));
        }
        populations.add(instructor.injectClosed(rampConcurrentUsers(0).to(instructors).during(ramp),
                constantConcurrentUsers(instructors).during(hold)));
        setUp(populations).protocols(protocol);
    }
}

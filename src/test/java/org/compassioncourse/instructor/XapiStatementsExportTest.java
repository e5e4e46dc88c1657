package org.compassioncourse.instructor;

import org.compassioncourse.account.AccountService;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.cohort.CohortException;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.AttemptPaper;
import org.compassioncourse.quiz.QuizAvailability;
import org.compassioncourse.quiz.QuizAttempts;
import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.training.DueRule;
import org.compassioncourse.training.DueRules;
import org.compassioncourse.training.TrainingStatuses;
import org.compassioncourse.support.KeyedAnswers;
import org.compassioncourse.support.Learners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * xAPI export of a cohort on the fixture course: one learner idle, one reading, one who read everything, did the
 * first lesson's knowledge check (every question type), the pre-test and the final. The JSON is parsed back.
 */
@ApplicationTest
class XapiStatementsExportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    XapiStatementsExport xapi;
    @Autowired
    CohortService cohorts;
    @Autowired
    QuizAvailability quizAvailability;
    @Autowired
    QuizAttempts quizAttempts;
    @Autowired
    Course course;
    @Autowired
    Learners people;

    CurrentUser instructor;
    CurrentUser reading;
    CurrentUser finished;
    CohortSummary cohort;

    @BeforeEach
    void cohortWithThreeLearners() {
        instructor = people.instructor("Ina Instructor");
        CurrentUser idle = people.learner("Ada Idle");
        reading = people.learner("Ben Reading");
        finished = people.learner("Cal Finished");
        Learners.actAs(instructor);
        cohort = cohorts.createCohort("xAPI cohort");
        for (CurrentUser learner : List.of(idle, reading, finished)) {
            Learners.actAs(learner);
            cohorts.join(cohort.joinCode());
        }
        Learners.actAs(reading);
        people.open(course.lessons().getFirst());
        Learners.actAs(finished);
        people.readEveryLesson();
        people.take(QuizSettings.Kind.KNOWLEDGE_CHECK, course.lessons().getFirst().id(), true, 2500);
        people.take(QuizSettings.Kind.PRE_TEST, null, false, 1000);
        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 1000);
        Learners.actAs(instructor);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Answer right(String id) {
        return KeyedAnswers.right(course.question(id).orElseThrow());
    }

    private List<JsonNode> cohortStatements() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = xapi.writeCohort(cohort.id(), out);
        List<JsonNode> statements = parse(out);
        assertThat(statements).as("the returned count matches the array").hasSize((int) written);
        return statements;
    }

    private static List<JsonNode> parse(ByteArrayOutputStream out) {
        JsonNode array = JSON.readTree(out.toByteArray());
        assertThat(array.isArray()).as("a JSON array of statements, as a learning record store accepts it").isTrue();
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** Each activity's definition, from the first statement that names it (object or context). */
    private static Map<String, JsonNode> definitions(List<JsonNode> statements) {
        Map<String, JsonNode> definitions = new java.util.LinkedHashMap<>();
        for (JsonNode statement : statements) {
            List<JsonNode> activities = new java.util.ArrayList<>(List.of(statement.path("object")));
            statement.path("context").path("contextActivities").forEach(list -> list.forEach(activities::add));
            for (JsonNode activity : activities) {
                String id = activity.path("id").asString();
                if (!definitions.containsKey(id) && activity.has("definition")) {
                    definitions.put(id, activity.path("definition"));
                }
            }
        }
        return definitions;
    }

    private static String type(Map<String, JsonNode> definitions, JsonNode statement) {
        return definitions.get(statement.path("object").path("id").asString()).path("type").asString();
    }

    private static List<JsonNode> withVerb(List<JsonNode> statements, String verb) {
        return statements.stream().filter(s -> s.path("verb").path("id").asString().equals(verb)).toList();
    }

    @Test
    void everyStatementHasTheRequiredXapiPropertiesAndAUniqueUuid() {
        List<JsonNode> statements = cohortStatements();

        Set<String> ids = new HashSet<>();
        Set<String> named = new HashSet<>();
        for (JsonNode statement : statements) {
            String objectId = statement.path("object").path("id").asString();
            if (named.add(objectId)) {
                assertThat(statement.path("object").path("definition").path("type").asString())
                        .as("the first statement naming an activity defines it").startsWith("http://adlnet.gov/expapi/activities/");
            } else {
                assertThat(statement.path("object").has("definition")).as("later ones name it by id only").isFalse();
            }
            statement.path("context").path("contextActivities").forEach(list -> list.forEach(a -> named.add(a.path("id").asString())));
            assertThat(UUID.fromString(statement.path("id").asString())).isNotNull();
            ids.add(statement.path("id").asString());
            assertThat(statement.path("actor").path("objectType").asString()).isEqualTo("Agent");
            assertThat(statement.path("actor").path("mbox").asString()).startsWith("mailto:").endsWith("@ward7.example");
            assertThat(statement.path("verb").path("id").asString()).startsWith("http://adlnet.gov/expapi/verbs/");
            assertThat(statement.path("verb").path("display").path("en-US").asString()).isNotBlank();
            assertThat(statement.path("object").path("id").asString()).startsWith(xapi.courseActivityId());
            assertThat(Instant.parse(statement.path("timestamp").asString())).isBeforeOrEqualTo(Instant.now());
            assertThat(statement.path("version").asString()).isEqualTo("1.0.3");
            if (!statement.path("object").path("id").asString().equals(xapi.courseActivityId())) {
                assertThat(statement.path("context").path("contextActivities").path("grouping").get(0).path("id").asString())
                        .as("the course groups every statement about a part of it").isEqualTo(xapi.courseActivityId());
            }
        }
        assertThat(ids).as("statement ids are unique").hasSize(statements.size());
    }

    @Test
    void lessonsAreExperiencedWhenOpenedAndCompletedWhenFinished() {
        List<JsonNode> statements = cohortStatements();

        Map<String, Long> experiencedBy = withVerb(statements, XapiStatementsExport.VERB_EXPERIENCED).stream()
                .collect(Collectors.groupingBy(s -> s.path("actor").path("name").asString(), Collectors.counting()));
        assertThat(experiencedBy).containsOnly(Map.entry("Ben Reading", 1L), Map.entry("Cal Finished", (long) course.lessons().size()));
        Map<String, JsonNode> definitions = definitions(statements);
        List<JsonNode> lessonsCompleted = withVerb(statements, XapiStatementsExport.VERB_COMPLETED).stream()
                .filter(s -> type(definitions, s).endsWith("/lesson")).toList();
        assertThat(lessonsCompleted).hasSize(course.lessons().size())
                .allSatisfy(s -> assertThat(s.path("actor").path("name").asString()).isEqualTo("Cal Finished"));
        JsonNode first = lessonsCompleted.stream().filter(s -> s.path("object").path("id").asString()
                .equals(xapi.courseActivityId() + "/lesson/" + course.lessons().getFirst().id())).findFirst().orElseThrow();
        assertThat(definitions.get(first.path("object").path("id").asString()).path("name").path("en-GB").asString())
                .isEqualTo(course.lessons().getFirst().title());
        assertThat(first.path("result").path("completion").asBoolean()).isTrue();
    }

    @Test
    void answeredStatementsCarryTheResponseInXapiFormatTheKeyScoreAndTime() {
        List<JsonNode> statements = cohortStatements();
        Map<String, JsonNode> definitions = definitions(statements);
        Map<String, JsonNode> answered = withVerb(statements, XapiStatementsExport.VERB_ANSWERED).stream()
                .filter(s -> s.path("context").path("contextActivities").path("parent").get(0).path("id").asString().endsWith("/knowledge-check"))
                .collect(Collectors.toMap(s -> s.path("object").path("id").asString().replaceAll(".*/question/", ""), Function.identity()));

        assertThat(answered).containsOnlyKeys("first-single", "first-multi", "first-matching", "first-categorise", "first-ordering", "first-hotspot");
        assertThat(answered.values()).allSatisfy(s -> {
            JsonNode definition = definitions.get(s.path("object").path("id").asString());
            assertThat(s.path("result").path("response").asString()).as("a right answer matches the correct response pattern")
                    .isEqualTo(definition.path("correctResponsesPattern").get(0).asString());
            assertThat(s.path("result").path("success").asBoolean()).isTrue();
            assertThat(s.path("result").path("score").path("scaled").asDouble()).isEqualTo(1.0);
            assertThat(s.path("result").path("duration").asString()).isEqualTo("PT2.5S");
        });
        assertThat(answered.get("first-multi").path("result").path("response").asString()).isEqualTo("ai[,]cb");
        assertThat(definitions.get(answered.get("first-multi").path("object").path("id").asString()).path("interactionType").asString()).isEqualTo("choice");
        assertThat(definitions.get(answered.get("first-multi").path("object").path("id").asString()).path("choices")).hasSize(3);
        assertThat(answered.get("first-matching").path("result").path("response").asString()).isEqualTo("fan[.]fan[,]singer[.]singer");
        assertThat(definitions.get(answered.get("first-matching").path("object").path("id").asString()).path("interactionType").asString()).isEqualTo("matching");
        assertThat(answered.get("first-categorise").path("result").path("response").asString()).isEqualTo("r1[.]empathy[,]r2[.]compassion");
        assertThat(definitions.get(answered.get("first-categorise").path("object").path("id").asString()).path("target")).hasSize(2);
        assertThat(answered.get("first-ordering").path("result").path("response").asString()).isEqualTo("notice[,]feel[,]act");
        assertThat(definitions.get(answered.get("first-ordering").path("object").path("id").asString()).path("interactionType").asString()).isEqualTo("sequencing");
        assertThat(answered.get("first-hotspot").path("result").path("response").asString()).isEqualTo("insula");
        assertThat(definitions.get(answered.get("first-single").path("object").path("id").asString()).path("description").path("en-GB").asString())
                .isEqualTo("Which phrase describes empathy?");
    }

    @Test
    void aPreTestAnswerOfIDontKnowYetOrLeftBlankIsExportedWithAnEmptyResponseAndSaysWhich(@Autowired AccountService accounts) {
        Learners.actAs(reading);
        var said = quizAttempts.startOrResume(QuizSettings.Kind.PRE_TEST, null);
        quizAttempts.answer(said.attemptId(), said.questions().getFirst().id(), new Answer.DontKnowYet(), 700);
        quizAttempts.submit(said.attemptId());
        CurrentUser blank = people.learner("Bo Blank");
        Learners.actAs(blank);
        cohorts.join(cohort.joinCode());
        quizAttempts.submit(quizAttempts.startOrResume(QuizSettings.Kind.PRE_TEST, null).attemptId());
        Learners.actAs(instructor);

        List<JsonNode> preTestAnswers = withVerb(cohortStatements(), XapiStatementsExport.VERB_ANSWERED).stream()
                .filter(s -> s.path("context").path("contextActivities").path("parent").get(0).path("id").asString().endsWith("/pre-test"))
                .toList();
        Map<String, JsonNode> byLearner = preTestAnswers.stream()
                .collect(Collectors.toMap(s -> s.path("actor").path("name").asString(), s -> s.path("result")));

        assertThat(byLearner).containsKeys("Ben Reading", "Bo Blank", "Cal Finished");
        String extension = xapi.noAnswerExtension();
        assertThat(byLearner.get("Ben Reading").path("extensions").path(extension).asString()).isEqualTo("dont-know");
        assertThat(byLearner.get("Ben Reading").path("response").asString()).isEmpty();
        assertThat(byLearner.get("Ben Reading").path("completion").asBoolean()).isTrue();
        assertThat(byLearner.get("Bo Blank").path("extensions").path(extension).asString()).as("a blank is exported, not left out")
                .isEqualTo("not-answered");
        assertThat(byLearner.get("Bo Blank").path("completion").asBoolean()).isFalse();
        assertThat(byLearner.get("Cal Finished").has("extensions")).as("a real answer carries no such extension").isFalse();
    }

    @Test
    void assessmentsAreCompletedWithTheirScoreAndTheFinalIsPassedOrFailed() {
        List<JsonNode> statements = cohortStatements();

        JsonNode passed = withVerb(statements, XapiStatementsExport.VERB_PASSED).stream().findFirst().orElseThrow();
        assertThat(passed.path("object").path("id").asString()).isEqualTo(xapi.courseActivityId() + "/final-assessment");
        assertThat(passed.path("result").path("success").asBoolean()).isTrue();
        assertThat(passed.path("result").path("score").path("scaled").asDouble()).isEqualTo(1.0);
        assertThat(passed.path("result").path("score").path("raw").asDouble()).isEqualTo(100.0);
        assertThat(withVerb(statements, XapiStatementsExport.VERB_FAILED)).isEmpty();

        Map<String, JsonNode> definitions = definitions(statements);
        Map<String, JsonNode> completedQuizzes = withVerb(statements, XapiStatementsExport.VERB_COMPLETED).stream()
                .filter(s -> type(definitions, s).endsWith("/assessment"))
                .collect(Collectors.toMap(s -> s.path("object").path("id").asString().replace(xapi.courseActivityId(), ""), Function.identity()));
        assertThat(completedQuizzes).containsOnlyKeys("/pre-test", "/final-assessment", "/lesson/" + course.lessons().getFirst().id() + "/knowledge-check");
        assertThat(completedQuizzes.get("/pre-test").path("result").path("score").path("scaled").asDouble()).isZero();
        // the answers of an attempt point at it, so a store can put an attempt back together
        long preAttempt = completedQuizzes.get("/pre-test").path("context").path("extensions").path(xapi.courseActivityId() + "/extensions/attempt").asLong();
        List<JsonNode> preAnswers = withVerb(statements, XapiStatementsExport.VERB_ANSWERED).stream()
                .filter(s -> s.path("context").path("extensions").path(xapi.courseActivityId() + "/extensions/attempt").asLong() == preAttempt).toList();
        assertThat(preAnswers).hasSize(1).allSatisfy(s -> assertThat(s.path("result").path("success").asBoolean()).isFalse());
    }

    @Test
    void everyStatementCarriesItsLearnersTrainingStatusOnTheDayOfTheExportAsTheRuleDecidesIt(@Autowired DueRules dueRules,
                                                                                            @Autowired TrainingStatuses statuses,
                                                                                            @Autowired java.time.Clock clock) {
        java.time.LocalDate due = java.time.LocalDate.now(clock).plusDays(5);
        dueRules.setRule(cohort.id(), DueRule.completeBy(due));
        String extension = xapi.courseActivityId() + "/extensions/training-status";
        List<JsonNode> statements = cohortStatements();
        Map<Long, org.compassioncourse.training.TrainingStanding> rule = statuses.of(List.of(reading.accountId(), finished.accountId()),
                org.compassioncourse.base.LearnerSet.of(List.of(reading.accountId(), finished.accountId())));

        assertThat(statements).allSatisfy(st -> assertThat(st.path("context").path("extensions").path(extension).path("asOf").asString())
                .isEqualTo(java.time.LocalDate.now(clock).toString()));
        assertThat(statements).filteredOn(st -> st.path("actor").path("name").asString().equals("Ben Reading")).isNotEmpty()
                .allSatisfy(st -> {
                    JsonNode status = st.path("context").path("extensions").path(extension);
                    assertThat(status.path("status").asString()).isEqualTo(rule.get(reading.accountId()).status().name()).isEqualTo("DUE_SOON");
                    assertThat(status.path("dueOn").asString()).isEqualTo(due.toString());
                });
        assertThat(statements).filteredOn(st -> st.path("actor").path("name").asString().equals("Cal Finished")).isNotEmpty()
                .allSatisfy(st -> assertThat(st.path("context").path("extensions").path(extension).path("status").asString())
                        .isEqualTo(rule.get(finished.accountId()).status().name()).isEqualTo("COMPLETED"));
    }

    @Test
    void aLearnerWhoCompletedTheCourseHasCompletedTheCourseActivity() {
        List<JsonNode> courseCompleted = withVerb(cohortStatements(), XapiStatementsExport.VERB_COMPLETED).stream()
                .filter(s -> s.path("object").path("id").asString().equals(xapi.courseActivityId())).toList();

        assertThat(courseCompleted).singleElement().satisfies(s -> {
            assertThat(s.path("actor").path("name").asString()).isEqualTo("Cal Finished");
            assertThat(s.path("result").path("completion").asBoolean()).isTrue();
        });
    }

    @Test
    void openAttemptsAreNotExportedAndASecondExportRepeatsTheSameStatementIds() {
        Set<String> before = cohortStatements().stream().map(s -> s.path("id").asString()).collect(Collectors.toSet());

        Learners.actAs(reading);
        AttemptPaper open = quizAttempts.startOrResume(QuizSettings.Kind.KNOWLEDGE_CHECK, course.lessons().getFirst().id());
        quizAttempts.answer(open.attemptId(), open.questions().getFirst().id(), right(open.questions().getFirst().id()), 1000);
        Learners.actAs(instructor);

        Set<String> after = cohortStatements().stream().map(s -> s.path("id").asString()).collect(Collectors.toSet());
        assertThat(after).as("an open attempt can still change, so it is not sent").isEqualTo(before);
    }

    @Test
    void aLearnersExportHoldsOnlyThatLearnersStatements() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = xapi.writeLearner(cohorts.requireLearnerInOwnCohort(cohort.id(), finished.accountId()), out);

        List<JsonNode> statements = parse(out);
        assertThat(statements).hasSize((int) written).isNotEmpty()
                .allSatisfy(s -> assertThat(s.path("actor").path("name").asString()).isEqualTo("Cal Finished"));
        // 3 lessons experienced and completed, 3 quizzes completed, final passed, 6 + 1 + 1 answers, the course completed
        assertThat(statements).hasSize(2 * course.lessons().size() + 3 + 1 + 8 + 1);
    }

    @Test
    void anotherInstructorCannotExportThisCohortAndLearnersCannotExportAtAll() {
        Learners.actAs(people.instructor("Nosy Instructor"));
        assertThatThrownBy(() -> xapi.writeCohort(cohort.id(), new ByteArrayOutputStream())).isInstanceOf(CohortException.class);
        Learners.actAs(finished);
        assertThatThrownBy(() -> xapi.writeCohort(cohort.id(), new ByteArrayOutputStream())).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> xapi.courseActivityId()).isInstanceOf(AuthorizationDeniedException.class);
    }
}

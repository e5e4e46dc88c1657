package org.compassioncourse.instructor;

import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.LearnerInMyCohort;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.content.Region;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.StoredAnswers;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Learning records as xAPI 1.0.3 statements (a JSON array, ready to POST to a learning record store's
 * {@code statements} resource) for one of the instructor's cohorts or one learner in it:
 * <ul>
 *     <li><b>experienced</b> a lesson (when first opened) and <b>completed</b> it (when finished);</li>
 *     <li><b>answered</b> each question of a submitted quiz attempt, with the response in xAPI's interaction
 *     format, the score, success and time taken;</li>
 *     <li><b>completed</b> each submitted knowledge check, pre-test and final assessment with its score, and
 *     <b>passed</b> or <b>failed</b> the final assessment.</li>
 * </ul>
 * Only finished things are exported (open attempts can still change), and every statement id is derived from the
 * record it describes, so sending a later export to the same store adds the new statements and repeats none.
 * Statements are streamed from the database one row at a time; a cohort of any size never sits in memory.
 */
@Service
@PreAuthorize("hasRole('INSTRUCTOR')")
public class XapiStatementsExport {

    static final String VERSION = "1.0.3";
    static final String VERB_EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced";
    static final String VERB_COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    static final String VERB_ANSWERED = "http://adlnet.gov/expapi/verbs/answered";
    static final String VERB_PASSED = "http://adlnet.gov/expapi/verbs/passed";
    static final String VERB_FAILED = "http://adlnet.gov/expapi/verbs/failed";
    private static final String ACTIVITY_TYPES = "http://adlnet.gov/expapi/activities/";
    private static final String LANGUAGE = "en-GB";
    private static final int FETCH_SIZE = 500;

    private final CohortService cohortService;
    private final Course course;
    private final NamedParameterJdbcTemplate jdbc;
    private final String activityBase;
    private final JsonMapper json = JsonMapper.builder().build();

    /** Learners per chunk: each chunk is read in its own short read-only transaction. */
    static final int LEARNERS_PER_CHUNK = 100;

    private final org.springframework.transaction.support.TransactionTemplate readOnly;

    XapiStatementsExport(CohortService cohortService, Course course, DataSource dataSource,
                         @Value("${course.xapi.activity-base:}") String activityBase,
                         org.springframework.transaction.PlatformTransactionManager transactions) {
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.cohortService = cohortService;
        this.course = course;
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        // rows are fetched in batches (PostgreSQL streams only with a fetch size inside a transaction)
        streaming.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(streaming);
        String base = activityBase.isBlank() ? "urn:compassion-course:" + course.id() : activityBase.strip();
        this.activityBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * Every statement of one of the instructor's cohorts (refused for anyone else's cohort). Returns the count. A
     * large cohort's download takes a while: it is read a chunk of learners at a time, each in a short transaction,
     * so no database transaction stays open while the browser downloads.
     */
    public long writeCohort(long cohortId, OutputStream out) {
        cohortService.requireOwnCohort(cohortId);
        return new Export().write(new MapSqlParameterSource("cohortId", cohortId), "", out);
    }

    /** Every statement of one learner; the argument proves the instructor may see this learner. Returns the count. */
    public long writeLearner(LearnerInMyCohort learner, OutputStream out) {
        return new Export().write(new MapSqlParameterSource("cohortId", learner.cohortId()).addValue("userId", learner.userId()),
                " and u.id = :userId", out);
    }

    /**
     * The result extension that says a question holds no answer: "dont-know" ("I don't know yet") or "not-answered"
     * (a pre-test question left blank), as {@link Answer.NoAnswer#code()} names them. Its response is then empty.
     */
    public String noAnswerExtension() {
        return activityBase + "/extensions/no-answer";
    }

    /** The activity id (an IRI) of the course; lessons, questions and quizzes hang below it. */
    public String courseActivityId() {
        return activityBase;
    }

    /**
     * One export. An activity's definition (name, type, a question's choices and key) goes with the first
     * statement that names it; later statements name it by id, as the store keeps the definition.
     */
    private final class Export {

        private final Set<String> defined = new HashSet<>();

        long write(MapSqlParameterSource parameters, String learnerCondition, OutputStream out) {
            long[] count = {0};
            try (JsonGenerator generator = json.createGenerator(out)) {
                generator.writeStartArray();
                long after = -1;
                while (true) {
                    // the next chunk of learners by id (keyset), then their statements, each chunk in its own transaction
                    MapSqlParameterSource chunk = new MapSqlParameterSource(parameters.getValues()).addValue("after", after);
                    List<Long> ids = readOnly.execute(status -> jdbc.queryForList("select m.user_id as id from cohort_member m"
                            + " join user_account u on u.id = m.user_id where m.cohort_id = :cohortId" + learnerCondition
                            + " and m.user_id > :after order by m.user_id fetch first " + LEARNERS_PER_CHUNK + " rows only", chunk, Long.class));
                    if (ids == null || ids.isEmpty()) {
                        break;
                    }
                    chunk.addValue("first", ids.getFirst()).addValue("last", ids.getLast());
                    readOnly.executeWithoutResult(status -> chunk(chunk, learnerCondition + " and m.user_id between :first and :last", generator, count));
                    after = ids.getLast();
                }
                generator.writeEndArray();
            }
            return count[0];
        }

        private void chunk(MapSqlParameterSource parameters, String learnerCondition, JsonGenerator generator, long[] count) {
            String members = " from cohort_member m join user_account u on u.id = m.user_id";
            String who = " where m.cohort_id = :cohortId" + learnerCondition;
            {
                jdbc.query("select u.id as user_id, u.display_name, u.email, lp.lesson_id, lp.first_visited_at, lp.completed_at"
                        + members + " join lesson_progress lp on lp.user_id = u.id" + who
                        + " order by u.id, lp.first_visited_at", parameters, rs -> {
                    count[0] += lessonStatements(generator, rs);
                });
                jdbc.query("select u.id as user_id, u.display_name, u.email, a.id as attempt_id, a.kind, a.lesson_id,"
                        + " a.started_at, a.submitted_at, a.score_percent, a.passed"
                        + members + " join quiz_attempt a on a.user_id = u.id" + who + " and a.submitted_at is not null"
                        + " order by u.id, a.submitted_at", parameters, rs -> {
                    count[0] += attemptStatements(generator, rs);
                });
                jdbc.query("select u.id as user_id, u.display_name, u.email, a.id as attempt_id, a.kind, a.lesson_id,"
                        + " r.question_id, r.answer, r.score, r.answered_at, r.time_taken_ms"
                        + members + " join quiz_attempt a on a.user_id = u.id join quiz_response r on r.attempt_id = a.id"
                        + who + " and a.submitted_at is not null order by u.id, a.id, r.answered_at", parameters, rs -> {
                    generator.writeTree(answered(rs));
                    count[0]++;
                });
            }
        }

        private int lessonStatements(JsonGenerator generator, ResultSet rs) throws SQLException {
            String lessonId = rs.getString("lesson_id");
            ObjectNode lesson = lessonActivity(lessonId);
            Instant opened = instant(rs, "first_visited_at");
            ObjectNode experienced = statement("lesson-experienced|" + rs.getLong("user_id") + "|" + lessonId, rs, VERB_EXPERIENCED, "experienced", lesson, opened);
            experienced.set("context", context(null));
            generator.writeTree(experienced);
            Instant completedAt = instant(rs, "completed_at");
            if (completedAt == null) {
                return 1;
            }
            ObjectNode completed = statement("lesson-completed|" + rs.getLong("user_id") + "|" + lessonId, rs, VERB_COMPLETED, "completed", lessonActivity(lessonId), completedAt);
            completed.putObject("result").put("completion", true);
            completed.set("context", context(null));
            generator.writeTree(completed);
            return 2;
        }

        private int attemptStatements(JsonGenerator generator, ResultSet rs) throws SQLException {
            long attemptId = rs.getLong("attempt_id");
            QuizSettings.Kind kind = QuizSettings.Kind.valueOf(rs.getString("kind"));
            String lessonId = rs.getString("lesson_id");
            Instant started = instant(rs, "started_at");
            Instant submitted = instant(rs, "submitted_at");
            double percent = rs.getDouble("score_percent");
            Boolean passed = (Boolean) rs.getObject("passed");

            ObjectNode completed = statement("attempt-completed|" + attemptId, rs, VERB_COMPLETED, "completed",
                    assessmentActivity(kind, lessonId), submitted);
            ObjectNode result = assessmentResult(percent, started, submitted);
            result.put("completion", true);
            completed.set("result", result);
            completed.set("context", attemptContext(kind, lessonId, attemptId, false));
            generator.writeTree(completed);
            if (passed == null) {
                return 1;
            }
            ObjectNode outcome = statement("attempt-" + (passed ? "passed" : "failed") + "|" + attemptId, rs,
                    passed ? VERB_PASSED : VERB_FAILED, passed ? "passed" : "failed", assessmentActivity(kind, lessonId), submitted);
            ObjectNode outcomeResult = assessmentResult(percent, started, submitted);
            outcomeResult.put("success", passed).put("completion", true);
            outcome.set("result", outcomeResult);
            outcome.set("context", attemptContext(kind, lessonId, attemptId, false));
            generator.writeTree(outcome);
            return 2;
        }

        private ObjectNode answered(ResultSet rs) throws SQLException {
            long attemptId = rs.getLong("attempt_id");
            QuizSettings.Kind kind = QuizSettings.Kind.valueOf(rs.getString("kind"));
            String lessonId = rs.getString("lesson_id");
            String questionId = rs.getString("question_id");
            double score = rs.getDouble("score");
            Answer answer = StoredAnswers.answer(rs.getString("answer"));

            ObjectNode statement = statement("answered|" + attemptId + "|" + questionId, rs, VERB_ANSWERED, "answered",
                    questionActivity(questionId), instant(rs, "answered_at"));
            ObjectNode result = statement.putObject("result");
            result.putObject("score").put("scaled", score).put("raw", score).put("min", 0).put("max", 1);
            result.put("success", score >= 1.0);
            // a pre-test question left blank was not completed; "I don't know yet" was (an honest answer, scored 0)
            result.put("completion", answer.noAnswer() != Answer.NoAnswer.NOT_ANSWERED);
            result.put("response", response(answer));
            result.put("duration", Duration.ofMillis(rs.getLong("time_taken_ms")).toString());
            if (answer.noAnswer() != null) {
                // which kind of no answer, in the same code the learner's own data export uses
                result.putObject("extensions").put(noAnswerExtension(), answer.noAnswer().code());
            }
            statement.set("context", attemptContext(kind, lessonId, attemptId, true));
            return statement;
        }

        private ObjectNode statement(String key, ResultSet rs, String verbId, String verbName, ObjectNode object, @Nullable Instant timestamp) throws SQLException {
            ObjectNode statement = json.createObjectNode();
            statement.put("id", UUID.nameUUIDFromBytes((activityBase + "|" + key).getBytes(StandardCharsets.UTF_8)).toString());
            ObjectNode actor = statement.putObject("actor");
            actor.put("objectType", "Agent");
            actor.put("name", rs.getString("display_name"));
            actor.put("mbox", "mailto:" + rs.getString("email"));
            ObjectNode verb = statement.putObject("verb");
            verb.put("id", verbId);
            verb.putObject("display").put("en-US", verbName);
            statement.set("object", object);
            if (timestamp != null) {
                statement.put("timestamp", timestamp.truncatedTo(ChronoUnit.MILLIS).toString());
            }
            statement.put("version", VERSION);
            return statement;
        }

        private ObjectNode context(@Nullable ObjectNode parent) {
            ObjectNode context = json.createObjectNode();
            ObjectNode activities = context.putObject("contextActivities");
            if (parent != null) {
                activities.putArray("parent").add(parent);
            }
            activities.putArray("grouping").add(courseActivity());
            context.put("platform", "Compassion Course");
            context.put("language", LANGUAGE);
            return context;
        }

        private ObjectNode attemptContext(QuizSettings.Kind kind, @Nullable String lessonId, long attemptId, boolean insideAttempt) {
            ObjectNode context = context(insideAttempt ? reference(assessmentId(kind, lessonId)) : lessonId == null ? null : reference(lessonId(lessonId)));
            // ties an attempt's answers to its completed/passed/failed statements
            context.putObject("extensions").put(activityBase + "/extensions/attempt", attemptId);
            return context;
        }

        private ObjectNode assessmentResult(double percent, @Nullable Instant started, @Nullable Instant submitted) {
            ObjectNode result = json.createObjectNode();
            result.putObject("score").put("scaled", percent / 100.0).put("raw", percent).put("min", 0).put("max", 100);
            if (started != null && submitted != null) {
                result.put("duration", Duration.between(started, submitted).truncatedTo(ChronoUnit.MILLIS).toString());
            }
            return result;
        }

        private ObjectNode reference(String activityId) {
            ObjectNode activity = json.createObjectNode();
            activity.put("objectType", "Activity");
            activity.put("id", activityId);
            return activity;
        }

        private ObjectNode activity(String id, String type, String name, @Nullable String description) {
            ObjectNode activity = reference(id);
            if (!defined.add(id)) {
                return activity;
            }
            ObjectNode definition = activity.putObject("definition");
            definition.put("type", ACTIVITY_TYPES + type);
            definition.putObject("name").put(LANGUAGE, name);
            if (description != null) {
                definition.putObject("description").put(LANGUAGE, description);
            }
            return activity;
        }

        /** The course as context: named, without its summary, since it rides along on every statement. */
        private ObjectNode courseActivity() {
            return activity(activityBase, "course", course.title(), null);
        }

        private String lessonId(String lessonId) {
            return activityBase + "/lesson/" + lessonId;
        }

        private ObjectNode lessonActivity(String lessonId) {
            return activity(lessonId(lessonId), "lesson", course.lesson(lessonId).map(Lesson::title).orElse(lessonId), null);
        }

        private String assessmentId(QuizSettings.Kind kind, @Nullable String lessonId) {
            return switch (kind) {
                case KNOWLEDGE_CHECK -> lessonId(lessonId == null ? "unknown" : lessonId) + "/knowledge-check";
                case PRE_TEST -> activityBase + "/pre-test";
                case FINAL_ASSESSMENT -> activityBase + "/final-assessment";
            };
        }

        private ObjectNode assessmentActivity(QuizSettings.Kind kind, @Nullable String lessonId) {
            String name = switch (kind) {
                case KNOWLEDGE_CHECK -> "Knowledge check: " + (lessonId == null ? "" : course.lesson(lessonId).map(Lesson::title).orElse(lessonId));
                case PRE_TEST -> "Pre-test";
                case FINAL_ASSESSMENT -> "Final assessment";
            };
            return activity(assessmentId(kind, lessonId), "assessment", name, null);
        }

        /** A question as an xAPI interaction activity: its type, the choices it offered and the correct response. */
        private ObjectNode questionActivity(String questionId) {
            Question question = course.question(questionId).orElse(null);
            if (defined.contains(activityBase + "/question/" + questionId)) {
                return reference(activityBase + "/question/" + questionId);
            }
            if (question == null) {
                // answered under an earlier version of the course: the record stays, described by its id only
                return activity(activityBase + "/question/" + questionId, "cmi.interaction", questionId, null);
            }
            ObjectNode activity = activity(activityBase + "/question/" + questionId, "cmi.interaction", questionId,
                    question.scenario() == null ? question.stem() : question.scenario() + "\n\n" + question.stem());
            ObjectNode definition = (ObjectNode) activity.get("definition");
            switch (question.body()) {
                case Question.Choice choice -> {
                    definition.put("interactionType", "choice");
                    definition.putArray("correctResponsesPattern").add(String.join("[,]", choice.correct().stream().sorted().toList()));
                    ArrayNode choices = definition.putArray("choices");
                    choice.options().forEach(o -> component(choices, o.id(), o.text()));
                }
                case Question.TrueFalse trueFalse -> {
                    definition.put("interactionType", "true-false");
                    definition.putArray("correctResponsesPattern").add(String.valueOf(trueFalse.answer()));
                }
                case Question.Matching matching -> {
                    definition.put("interactionType", "matching");
                    definition.putArray("correctResponsesPattern").add(pairs(matching.pairs().stream()
                            .collect(Collectors.toMap(Question.Pair::id, Question.Pair::id))));
                    ArrayNode source = definition.putArray("source");
                    ArrayNode target = definition.putArray("target");
                    matching.pairs().forEach(p -> {
                        component(source, p.id(), p.left());
                        component(target, p.id(), p.right());
                    });
                }
                case Question.Categorise categorise -> {
                    definition.put("interactionType", "matching");
                    definition.putArray("correctResponsesPattern").add(pairs(categorise.items().stream()
                            .collect(Collectors.toMap(Question.Item::id, i -> String.valueOf(i.category())))));
                    ArrayNode source = definition.putArray("source");
                    categorise.items().forEach(i -> component(source, i.id(), i.text()));
                    ArrayNode target = definition.putArray("target");
                    categorise.categories().forEach(c -> component(target, c.id(), c.label()));
                }
                case Question.Ordering ordering -> {
                    definition.put("interactionType", "sequencing");
                    definition.putArray("correctResponsesPattern").add(ordering.items().stream()
                            .map(Question.Item::id).collect(Collectors.joining("[,]")));
                    ArrayNode choices = definition.putArray("choices");
                    ordering.items().forEach(i -> component(choices, i.id(), i.text()));
                }
                case Question.Hotspot hotspot -> {
                    // choosing one labelled region of a figure is a choice among the figure's regions
                    definition.put("interactionType", "choice");
                    definition.putArray("correctResponsesPattern").add(hotspot.answerRegion());
                    ArrayNode choices = definition.putArray("choices");
                    course.figures().stream().filter(f -> f.id().equals(hotspot.figureId())).findFirst()
                            .ifPresent(figure -> figure.regionIds().forEach(id -> component(choices, id,
                                    java.util.Optional.ofNullable(course.regions().get(id)).map(Region::name).orElse(id))));
                }
            }
            return activity;
        }
    }

    private static void component(ArrayNode components, String id, String description) {
        ObjectNode component = components.addObject();
        component.put("id", id);
        component.putObject("description").put(LANGUAGE, description);
    }

    /** The learner's answer in xAPI's response format for the question's interaction type. */
    static String response(Answer answer) {
        return switch (answer) {
            case Answer.Choices choices -> String.join("[,]", choices.optionIds().stream().sorted().toList());
            case Answer.TrueOrFalse trueOrFalse -> String.valueOf(trueOrFalse.value());
            case Answer.Matches matches -> pairs(matches.rightByLeft());
            case Answer.Categories categories -> pairs(categories.categoryByItem());
            case Answer.Order order -> String.join("[,]", order.itemIds());
            case Answer.Region region -> region.regionId();
            case Answer.DontKnowYet dontKnow -> "";
            case Answer.Unanswered unanswered -> "";
        };
    }

    /** Matching responses and patterns list their pairs sorted by source id, so equal answers read alike. */
    private static String pairs(Map<String, String> map) {
        return new TreeMap<>(map).entrySet().stream().map(e -> e.getKey() + "[.]" + e.getValue()).collect(Collectors.joining("[,]"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

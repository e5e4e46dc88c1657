package org.compassioncourse.lrs;

import org.compassioncourse.account.AccountNames;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.Lesson;
import org.compassioncourse.content.Question;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.content.Region;
import org.compassioncourse.progress.ReadingFigures;
import org.compassioncourse.quiz.Answer;
import org.compassioncourse.quiz.SubmittedResponses;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Learning records as xAPI 1.0.3 statements, mapped from the records the progress and quiz modules hand out: no
 * database, no I/O; the one mapper of both the instructors' download and the live stream to a learning record store.
 * Every statement id is a name-based UUID of the record it describes, so a later export or a second send repeats none.
 * Definitions: in a download ({@link LearningRecords#forDownload()}) an activity's definition (name, type, a question's
 * choices and key) goes with the first statement that names it, later ones name it by id, as the store keeps the
 * definition; in the live stream ({@link LearningRecords#forStream()}) every statement carries the full definition of
 * every activity it names, since statements are sent, retried and refused one batch at a time and each must stand alone.
 */
public final class XapiStatements {

    public static final String VERSION = "1.0.3";
    public static final String VERB_EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced";
    public static final String VERB_COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    public static final String VERB_ANSWERED = "http://adlnet.gov/expapi/verbs/answered";
    public static final String VERB_PASSED = "http://adlnet.gov/expapi/verbs/passed";
    public static final String VERB_FAILED = "http://adlnet.gov/expapi/verbs/failed";
    private static final String ACTIVITY_TYPES = "http://adlnet.gov/expapi/activities/";
    private static final String LANGUAGE = "en-GB";

    private final Course course;
    private final String activityBase;
    private final JsonMapper json;
    private final boolean defineOnce;
    private final Set<String> defined = new HashSet<>();

    XapiStatements(Course course, String activityBase, JsonMapper json, boolean defineOnce) {
        this.course = course;
        this.activityBase = activityBase;
        this.json = json;
        this.defineOnce = defineOnce;
    }

    /** Whether this activity goes by its id alone, its definition having gone with an earlier statement. */
    private boolean definedBefore(String activityId) {
        return defineOnce && !defined.add(activityId);
    }

    /**
     * The context extension the instructor's download adds to each statement: the learner's training status on the day
     * of the export (status, due date, last valid day), as the training module's one rule decides it.
     */
    public String trainingStatusExtension() {
        return activityBase + "/extensions/training-status";
    }

    /** The result extension that says a question holds no answer ("dont-know" or "not-answered"; the response is then empty). */
    public String noAnswerExtension() {
        return activityBase + "/extensions/no-answer";
    }

    /** "experienced" a lesson when first opened, and "completed" it if the learner finished it. */
    public List<ObjectNode> lessonStatements(AccountNames.Name learner, ReadingFigures.LessonVisit visit) {
        String lessonId = visit.lessonId();
        ObjectNode lesson = lessonActivity(lessonId);
        ObjectNode experienced = statement("lesson-experienced|" + visit.userId() + "|" + lessonId, learner, VERB_EXPERIENCED,
                "experienced", lesson, visit.firstVisitedAt());
        experienced.set("context", context(null));
        Instant completedAt = visit.completedAt();
        if (completedAt == null) {
            return List.of(experienced);
        }
        ObjectNode completed = statement("lesson-completed|" + visit.userId() + "|" + lessonId, learner, VERB_COMPLETED,
                "completed", lessonActivity(lessonId), completedAt);
        completed.putObject("result").put("completion", true);
        completed.set("context", context(null));
        return List.of(experienced, completed);
    }

    /** "completed" the course, when the completion was recorded (the rule: every lesson completed and the final passed). */
    public ObjectNode courseCompleted(AccountNames.Name learner, long userId, Instant completedAt) {
        ObjectNode completed = statement("course-completed|" + userId, learner, VERB_COMPLETED, "completed", courseActivity(), completedAt);
        completed.putObject("result").put("completion", true);
        ObjectNode context = json.createObjectNode();
        context.put("platform", "Compassion Course");
        context.put("language", LANGUAGE);
        completed.set("context", context);
        return completed;
    }

    /** "completed" a submitted quiz attempt with its score, and "passed" or "failed" it where the quiz has a pass mark. */
    public List<ObjectNode> attemptStatements(AccountNames.Name learner, SubmittedResponses.SubmittedAttempt attempt) {
        long attemptId = attempt.attemptId();
        QuizSettings.Kind kind = attempt.kind();
        String lessonId = attempt.lessonId();
        Instant started = attempt.startedAt();
        Instant submitted = attempt.submittedAt();
        double percent = attempt.scorePercent();
        Boolean passed = attempt.passed();

        ObjectNode completed = statement("attempt-completed|" + attemptId, learner, VERB_COMPLETED, "completed",
                assessmentActivity(kind, lessonId), submitted);
        ObjectNode result = assessmentResult(percent, started, submitted);
        result.put("completion", true);
        completed.set("result", result);
        completed.set("context", attemptContext(kind, lessonId, attemptId, false));
        if (passed == null) {
            return List.of(completed);
        }
        ObjectNode outcome = statement("attempt-" + (passed ? "passed" : "failed") + "|" + attemptId, learner,
                passed ? VERB_PASSED : VERB_FAILED, passed ? "passed" : "failed", assessmentActivity(kind, lessonId), submitted);
        ObjectNode outcomeResult = assessmentResult(percent, started, submitted);
        outcomeResult.put("success", passed).put("completion", true);
        outcome.set("result", outcomeResult);
        outcome.set("context", attemptContext(kind, lessonId, attemptId, false));
        return List.of(completed, outcome);
    }

    /** "answered" one question of a submitted attempt, with the response in xAPI's format for its interaction type. */
    public ObjectNode answered(AccountNames.Name learner, SubmittedResponses.AnsweredQuestion answered) {
        long attemptId = answered.attemptId();
        QuizSettings.Kind kind = answered.kind();
        String lessonId = answered.lessonId();
        String questionId = answered.questionId();
        double score = answered.score();
        Answer answer = answered.answer();

        ObjectNode statement = statement("answered|" + attemptId + "|" + questionId, learner, VERB_ANSWERED, "answered",
                questionActivity(questionId), answered.answeredAt());
        ObjectNode result = statement.putObject("result");
        result.putObject("score").put("scaled", score).put("raw", score).put("min", 0).put("max", 1);
        result.put("success", score >= 1.0);
        // a pre-test question left blank was not completed; "I don't know yet" was (an honest answer, scored 0)
        result.put("completion", answer.noAnswer() != Answer.NoAnswer.NOT_ANSWERED);
        result.put("response", response(answer));
        result.put("duration", Duration.ofMillis(answered.timeTakenMs()).toString());
        if (answer.noAnswer() != null) {
            // which kind of no answer, in the same code the learner's own data export uses
            result.putObject("extensions").put(noAnswerExtension(), answer.noAnswer().code());
        }
        statement.set("context", attemptContext(kind, lessonId, attemptId, true));
        return statement;
    }

    private ObjectNode statement(String key, AccountNames.Name learner, String verbId, String verbName, ObjectNode object, @Nullable Instant timestamp) {
        ObjectNode statement = json.createObjectNode();
        statement.put("id", UUID.nameUUIDFromBytes((activityBase + "|" + key).getBytes(StandardCharsets.UTF_8)).toString());
        ObjectNode actor = statement.putObject("actor");
        actor.put("objectType", "Agent");
        actor.put("name", learner.displayName());
        actor.put("mbox", "mailto:" + learner.email());
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
        if (definedBefore(id)) {
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
        if (defineOnce && defined.contains(activityBase + "/question/" + questionId)) {
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
}

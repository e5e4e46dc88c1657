package org.compassioncourse.instructor;

import org.compassioncourse.account.AccountNames;
import org.compassioncourse.base.LearnerSet;
import org.compassioncourse.cohort.CohortMembers;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.LearnerInMyCohort;
import org.compassioncourse.completion.CompletionFigures;
import org.compassioncourse.lrs.LearningRecords;
import org.compassioncourse.lrs.XapiStatements;
import org.compassioncourse.progress.ReadingFigures;
import org.compassioncourse.quiz.SubmittedResponses;
import org.compassioncourse.training.TrainingStanding;
import org.compassioncourse.training.TrainingStatuses;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Learning records as xAPI 1.0.3 statements (a JSON array, ready to POST to a learning record store's
 * {@code statements} resource) for one of the instructor's cohorts or one learner in it:
 * <ul>
 *     <li><b>experienced</b> a lesson (when first opened) and <b>completed</b> it (when finished);</li>
 *     <li><b>answered</b> each question of a submitted quiz attempt, with the response in xAPI's interaction
 *     format, the score, success and time taken;</li>
 *     <li><b>completed</b> each submitted knowledge check, pre-test and final assessment with its score, and
 *     <b>passed</b> or <b>failed</b> the final assessment;</li>
 *     <li><b>completed</b> the course, when the completion was recorded.</li>
 * </ul>
 * Only finished things are exported (open attempts can still change), and every statement id is derived from the
 * record it describes, so sending a later export to the same store adds the new statements and repeats none.
 * The learners are read a chunk at a time (their names from the account module, lesson visits from progress, attempts
 * and answers from quiz, each one statement of that module's tables) and mapped by {@link XapiStatements}, the mapper
 * the live stream to a learning record store uses too (lrs module); a cohort of any size never sits in memory.
 */
@Service
@PreAuthorize("hasRole('INSTRUCTOR')")
public class XapiStatementsExport {

    static final String VERB_EXPERIENCED = XapiStatements.VERB_EXPERIENCED;
    static final String VERB_COMPLETED = XapiStatements.VERB_COMPLETED;
    static final String VERB_ANSWERED = XapiStatements.VERB_ANSWERED;
    static final String VERB_PASSED = XapiStatements.VERB_PASSED;
    static final String VERB_FAILED = XapiStatements.VERB_FAILED;

    /** Learners per chunk: each chunk is read in its own short read-only transaction. */
    static final int LEARNERS_PER_CHUNK = 100;

    private final CohortService cohortService;
    private final CohortMembers members;
    private final AccountNames names;
    private final ReadingFigures reading;
    private final SubmittedResponses quizzes;
    private final CompletionFigures completions;
    private final LearningRecords records;
    private final TrainingStatuses training;
    private final TransactionTemplate readOnly;

    XapiStatementsExport(CohortService cohortService, CohortMembers members, AccountNames names, ReadingFigures reading,
                         SubmittedResponses quizzes, CompletionFigures completions, LearningRecords records,
                         TrainingStatuses training, PlatformTransactionManager transactions) {
        this.training = training;
        this.cohortService = cohortService;
        this.members = members;
        this.names = names;
        this.reading = reading;
        this.quizzes = quizzes;
        this.completions = completions;
        this.records = records;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Every statement of one of the instructor's cohorts (refused for anyone else's cohort). Returns the count. A
     * large cohort's download takes a while: it is read a chunk of learners at a time, each in a short transaction,
     * so no database transaction stays open while the browser downloads.
     */
    public long writeCohort(long cohortId, OutputStream out) {
        cohortService.requireOwnCohort(cohortId);
        return write(members.ids(cohortId).stream().sorted().toList(), out);
    }

    /** Every statement of one learner; the argument proves the instructor may see this learner. Returns the count. */
    public long writeLearner(LearnerInMyCohort learner, OutputStream out) {
        return write(List.of(learner.userId()), out);
    }

    /**
     * The result extension that says a question holds no answer: "dont-know" ("I don't know yet") or "not-answered"
     * (a pre-test question left blank), as {@code Answer.NoAnswer#code()} names them. Its response is then empty.
     */
    public String noAnswerExtension() {
        return records.forDownload().noAnswerExtension();
    }

    /** The activity id (an IRI) of the course; lessons, questions and quizzes hang below it. */
    public String courseActivityId() {
        return records.courseActivityId();
    }

    private long write(List<Long> learners, OutputStream out) {
        XapiStatements statements = records.forDownload();
        long count = 0;
        try (JsonGenerator generator = records.json().createGenerator(out)) {
            generator.writeStartArray();
            for (int from = 0; from < learners.size(); from += LEARNERS_PER_CHUNK) {
                List<Long> chunk = learners.subList(from, Math.min(learners.size(), from + LEARNERS_PER_CHUNK));
                LearnerSet these = LearnerSet.of(chunk);
                Chunk read = readOnly.execute(status -> new Chunk(names.of(these), reading.visits(these),
                        quizzes.attempts(these), quizzes.answers(these), completions.of(these), training.of(chunk, these)));
                count += read == null ? 0 : read.write(statements, generator);
            }
            generator.writeEndArray();
        }
        return count;
    }

    /** What one chunk of learners did, as the modules that keep it answered (accounts erased meanwhile are skipped). */
    private record Chunk(Map<Long, AccountNames.Name> names, List<ReadingFigures.LessonVisit> visits,
                         List<SubmittedResponses.SubmittedAttempt> attempts, List<SubmittedResponses.AnsweredQuestion> answers,
                         Map<Long, CompletionFigures.Completed> completions, Map<Long, TrainingStanding> standings) {

        long write(XapiStatements statements, JsonGenerator generator) {
            long count = 0;
            for (ReadingFigures.LessonVisit visit : visits) {
                count += write(generator, statements, visit.userId(), names.get(visit.userId()) == null ? List.of()
                        : statements.lessonStatements(names.get(visit.userId()), visit));
            }
            for (SubmittedResponses.SubmittedAttempt attempt : attempts) {
                count += write(generator, statements, attempt.userId(), names.get(attempt.userId()) == null ? List.of()
                        : statements.attemptStatements(names.get(attempt.userId()), attempt));
            }
            for (SubmittedResponses.AnsweredQuestion answer : answers) {
                count += write(generator, statements, answer.userId(), names.get(answer.userId()) == null ? List.of()
                        : List.of(statements.answered(names.get(answer.userId()), answer)));
            }
            for (Map.Entry<Long, CompletionFigures.Completed> completion : new java.util.TreeMap<>(completions).entrySet()) {
                java.time.Instant completedAt = completion.getValue().completedAt();
                AccountNames.Name name = names.get(completion.getKey());
                count += write(generator, statements, completion.getKey(), name == null || completedAt == null ? List.of()
                        : List.of(statements.courseCompleted(name, completion.getKey(), completedAt)));
            }
            return count;
        }

        /** Writes the statements, each with the learner's training status on the day of the export in its context. */
        private int write(JsonGenerator generator, XapiStatements mapper, long userId, List<ObjectNode> statements) {
            TrainingStanding standing = standings.get(userId);
            for (ObjectNode statement : statements) {
                if (standing != null) {
                    ObjectNode context = statement.get("context") instanceof ObjectNode existing ? existing : statement.putObject("context");
                    ObjectNode extensions = context.get("extensions") instanceof ObjectNode existing ? existing : context.putObject("extensions");
                    ObjectNode status = extensions.putObject(mapper.trainingStatusExtension());
                    status.put("status", standing.status().name()).put("asOf", standing.today().toString());
                    if (standing.dueOn() != null) {
                        status.put("dueOn", standing.dueOn().toString());
                    }
                    if (standing.validUntil() != null) {
                        status.put("validUntil", standing.validUntil().toString());
                    }
                }
                generator.writeTree(statement);
            }
            return statements.size();
        }
    }
}

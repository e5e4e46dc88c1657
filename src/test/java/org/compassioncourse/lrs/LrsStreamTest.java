package org.compassioncourse.lrs;

import org.compassioncourse.administration.AccountAdministration;
import org.compassioncourse.cohort.CohortService;
import org.compassioncourse.cohort.CohortSummary;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.instructor.XapiStatementsExport;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.security.Role;
import org.compassioncourse.support.Learners;
import org.compassioncourse.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The live stream to a learning record store (FakeLrs, a real HTTP server checking headers, credentials and statement
 * shape) on its own in-memory database. The context's own sender is stopped; each test drives senders it builds on the
 * same outbox, with a clock it moves by hand, so retries and claims run when the test says.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:lrs-stream;DB_CLOSE_DELAY=-1",
        "course.lrs.username=" + FakeLrs.USER,
        "course.lrs.password=" + FakeLrs.PASSWORD,
        "course.lrs.poll-interval=PT1H"})
@ActiveProfiles("test")
@Import(Learners.class)
class LrsStreamTest {

    private static final FakeLrs LRS;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        try {
            LRS = new FakeLrs();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry properties) {
        properties.add("course.lrs.endpoint", LRS::endpoint);
    }

    @AfterAll
    static void stopStore() {
        LRS.close();
    }

    @Autowired
    Learners people;
    @Autowired
    Course course;
    @Autowired
    CohortService cohorts;
    @Autowired
    XapiStatementsExport download;
    @Autowired
    XapiOutbox outbox;
    @Autowired
    LrsClient client;
    @Autowired
    LrsSender liveSender;
    @Autowired
    LrsProperties settings;
    @Autowired
    LearningRecords records;
    @Autowired
    LrsAdministration administration;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    /** The test's senders' clock: a minute ahead of the application's, which stamps the rows the learners' actions write. */
    private final MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MILLIS));
    private final List<LrsSender> senders = new ArrayList<>();

    @BeforeEach
    void emptyStoreAndOutbox() {
        liveSender.stop();
        LRS.reset();
        jdbc.update("delete from xapi_outbox");
    }

    @AfterEach
    void stopSenders() {
        senders.forEach(LrsSender::stop);
        SecurityContextHolder.clearContext();
    }

    private LrsSender sender(int batchSize) {
        return sender(batchSize, client);
    }

    private LrsSender sender(int batchSize, LrsClient client) {
        LrsSender sender = new LrsSender(outbox, client, settings(batchSize), clock);
        senders.add(sender);
        return sender;
    }

    private LrsProperties settings(int batchSize) {
        return new LrsProperties(settings.endpoint(), settings.username(), settings.password(), settings.xapiVersion(), batchSize,
                Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofDays(30));
    }

    /** A learner who reads every lesson, takes the first knowledge check right, the pre-test wrong and the final right. */
    private CurrentUser diligentLearner(String name) {
        CurrentUser learner = people.learner(name);
        Learners.actAs(learner);
        people.readEveryLesson();
        people.take(QuizSettings.Kind.KNOWLEDGE_CHECK, course.lessons().getFirst().id(), true, 2500);
        people.take(QuizSettings.Kind.PRE_TEST, null, false, 1000);
        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 1000);
        return learner;
    }

    private CurrentUser administrator(String name) {
        CurrentUser learner = people.learner(name);
        jdbc.update("update user_account set administrator = true where id = ?", learner.accountId());
        return new CurrentUser(learner.accountId(), learner.getUsername(), learner.displayName(), "", learner.role(), true,
                AuthorityUtils.createAuthorityList("ROLE_LEARNER", Role.ADMINISTRATOR_AUTHORITY), Instant.now());
    }

    private int pending() {
        Integer count = jdbc.queryForObject("select count(*) from xapi_outbox where state <> 'SENT'", Integer.class);
        return count == null ? 0 : count;
    }

    private int outboxSize() {
        Integer count = jdbc.queryForObject("select count(*) from xapi_outbox", Integer.class);
        return count == null ? 0 : count;
    }

    private static Map<String, Long> verbs(List<JsonNode> statements) {
        return statements.stream().collect(Collectors.groupingBy(s -> s.path("verb").path("display").path("en-US").asString(),
                Collectors.counting()));
    }

    @Test
    void everyKindOfStatementArrivesValidOnceUnderTheVersionHeaderAndTheCredentials() {
        diligentLearner("Dora Diligent");
        int written = outboxSize();

        int sent = sender(7).sendDue();

        assertThat(LRS.violations).as("every statement keeps the xAPI rules").isEmpty();
        assertThat(sent).isEqualTo(written).isEqualTo(LRS.stored.size());
        assertThat(pending()).isZero();
        // 3 lessons experienced + completed; 3 attempts completed, the final passed; 6 + 1 + 1 answers; the course completed
        assertThat(verbs(LRS.storedStatements())).containsOnly(Map.entry("experienced", (long) course.lessons().size()),
                Map.entry("completed", course.lessons().size() + 3L + 1), Map.entry("passed", 1L), Map.entry("answered", 8L));
        assertThat(LRS.storedStatements()).filteredOn(s -> s.path("object").path("id").asString().equals(records.courseActivityId()))
                .singleElement().satisfies(s -> assertThat(s.path("verb").path("id").asString()).isEqualTo(XapiStatements.VERB_COMPLETED));
        assertThat(LRS.posted.values()).as("each statement posted once").allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(LRS.versionHeaders).containsOnly("1.0.3");
        assertThat(LRS.posts.get()).as("in batches of 7").isEqualTo((written + 6) / 7);
        assertThat(LRS.storedStatements()).as("each statement defines what it names, standing alone at the store")
                .allSatisfy(s -> assertThat(s.path("object").path("definition").path("type").asString()).startsWith("http://adlnet.gov/expapi/activities/"));
    }

    @Test
    void aFailedFinalArrivesAsFailed() {
        CurrentUser learner = people.learner("Fay Failing");
        Learners.actAs(learner);
        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, false, 1000);

        sender(50).sendDue();

        assertThat(verbs(LRS.storedStatements())).containsEntry("failed", 1L).doesNotContainKey("passed");
        assertThat(LRS.violations).isEmpty();
    }

    @Test
    void theDownloadAndTheStreamCarryTheSameStatementsForTheSameLearners() {
        CurrentUser instructor = people.instructor("Ivo Instructor");
        Learners.actAs(instructor);
        CohortSummary cohort = cohorts.createCohort("Stream cohort");
        CurrentUser reader = people.learner("Rita Reader");
        Learners.actAs(reader);
        cohorts.join(cohort.joinCode());
        people.open(course.lessons().getFirst());
        CurrentUser diligent = people.learner("Dan Diligent");
        Learners.actAs(diligent);
        cohorts.join(cohort.joinCode());
        people.readEveryLesson();
        people.take(QuizSettings.Kind.KNOWLEDGE_CHECK, course.lessons().getFirst().id(), false, 900);
        people.take(QuizSettings.Kind.PRE_TEST, null, true, 1000);
        people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 1000);
        sender(50).sendDue();

        Learners.actAs(instructor);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        download.writeCohort(cohort.id(), out);
        List<JsonNode> downloaded = StreamSupport.stream(JSON.readTree(out.toByteArray()).spliterator(), false).toList();

        assertThat(downloaded).as("Rita 1, Dan 6 + 4 + 8 and the course").hasSize(20);
        assertThat(LRS.storedStatements().stream().map(LrsStreamTest::essence).collect(Collectors.toSet()))
                .as("same ids, verbs, objects, actors and results; only where definitions go differs")
                .isEqualTo(downloaded.stream().map(LrsStreamTest::essence).collect(Collectors.toSet()));
    }

    /** What a statement says, without the activity definitions (the download gives each once, the stream every time). */
    private static String essence(JsonNode statement) {
        return String.join(" | ", statement.path("id").asString(), statement.path("actor").toString(), statement.path("verb").path("id").asString(),
                statement.path("object").path("id").asString(), statement.path("result").toString(), statement.path("timestamp").asString());
    }

    @Test
    void aRolledBackActionLeavesNoStatementInTheOutboxAndACommittedOneDoes() {
        CurrentUser learner = people.learner("Rolf Rollback");
        Learners.actAs(learner);
        TransactionTemplate action = new TransactionTemplate(transactions);

        action.executeWithoutResult(status -> {
            people.open(course.lessons().getFirst());
            assertThat(outboxSize()).as("written inside the learner's transaction").isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(outboxSize()).as("rolled back with the visit").isZero();
        assertThat(jdbc.queryForObject("select count(*) from lesson_progress where user_id = ?", Integer.class, learner.accountId())).isZero();

        action.executeWithoutResult(status -> people.open(course.lessons().getFirst()));
        assertThat(jdbc.queryForList("select verb from xapi_outbox where user_id = ?", String.class, learner.accountId()))
                .containsExactly(XapiStatements.VERB_EXPERIENCED);
    }

    @Test
    void statementsTheStoreDidNotTakeAreTriedAgainAfterABackoffAndArriveOnce() {
        diligentLearner("Sam Server-Error");
        int written = outboxSize();
        LrsSender sender = sender(5);
        LRS.answerNext(500, 503, 500);

        assertThat(sender.sendDue()).as("three batches of 5 answered 5xx, the rest stored").isEqualTo(written - 15);
        assertThat(outbox.count(OutboxStatus.RETRYING)).isEqualTo(15);
        List<OutboxRow> retrying = outbox.page(OutboxStatus.RETRYING, 0, 50);
        assertThat(retrying).allSatisfy(row -> {
            assertThat(row.lastStatus()).isIn(500, 503);
            assertThat(row.lastMessage()).isEqualTo("the store is down for maintenance");
            assertThat(row.nextTryAt()).isEqualTo(clock.instant().plusSeconds(30));
        });
        assertThat(sender.sendDue()).as("not due before the backoff").isZero();

        clock.advance(Duration.ofSeconds(31));
        LRS.answerNext(500);
        assertThat(sender.sendDue()).isEqualTo(10);
        assertThat(pending()).as("one batch failed again: it waits twice as long").isEqualTo(5);
        clock.advance(Duration.ofSeconds(31));
        assertThat(sender.sendDue()).isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(sender.sendDue()).isEqualTo(5);

        assertThat(pending()).isZero();
        assertThat(LRS.stored).hasSize(written);
        assertThat(LRS.violations).isEmpty();
    }

    @Test
    void aStoreThatAnswersTooSlowlyIsTriedAgainAndHoldsEachStatementOnce() throws Exception {
        diligentLearner("Sid Slow-Store");
        int written = outboxSize();
        LrsProperties impatient = new LrsProperties(settings.endpoint(), settings.username(), settings.password(), settings.xapiVersion(),
                written, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofSeconds(1),
                Duration.ofDays(30));
        LrsSender sender = sender(written, new LrsClient(impatient, records));
        // the store takes the whole batch but answers only after the client has stopped waiting (1 s)
        CountDownLatch held = LRS.holdNextPost();

        assertThat(sender.sendDue()).as("no answer in time: nothing counts as sent").isZero();
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(outbox.count(OutboxStatus.RETRYING)).isEqualTo(written);
        LRS.release();

        clock.advance(Duration.ofSeconds(31));
        assertThat(sender.sendDue()).as("tried again: the store already holds them, its 409s count as sent").isEqualTo(written);
        assertThat(pending()).isZero();
        assertThat(LRS.stored).as("every statement, once").hasSize(written);
        assertThat(LRS.violations).isEmpty();
    }

    @Test
    void aBatchTheStoreAlreadyPartlyHoldsIsSentOneByOneAndWhatItHoldsCountsAsSent() {
        diligentLearner("Cora Conflict");
        int written = outboxSize();
        List<String> statements = jdbc.queryForList("select statement from xapi_outbox order by created_at, statement_id", String.class);
        // the store got three of them before (e.g. from a node that died before it could record the answer)
        JsonNode early = JSON.readTree("[" + String.join(",", statements.subList(0, 3)) + "]");
        early.forEach(s -> LRS.stored.put(s.path("id").asString(), s));

        assertThat(sender(50).sendDue()).isEqualTo(written);

        assertThat(pending()).isZero();
        assertThat(LRS.stored).hasSize(written);
        assertThat(jdbc.queryForList("select last_status from xapi_outbox where last_status = 409", Integer.class)).hasSize(3);
    }

    @Test
    void aStatementTheStoreRefusesWaitsForAnAdministratorsRetryNowWhichIsAudited() {
        CurrentUser learner = people.learner("Ray Refused");
        Learners.actAs(learner);
        people.open(course.lessons().getFirst());
        LRS.answerNext(400);

        assertThat(sender(50).sendDue()).isZero();
        assertThat(outbox.count(OutboxStatus.FAILED)).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        assertThat(sender(50).sendDue()).as("a refused statement is not retried by itself").isZero();

        Learners.actAs(learner);
        assertThatThrownBy(() -> administration.retryNow()).as("administrators only").isInstanceOf(AuthorizationDeniedException.class);
        CurrentUser admin = administrator("Ada Admin");
        Learners.actAs(admin);
        assertThat(administration.statements(OutboxStatus.FAILED, 0, 10)).singleElement()
                .satisfies(row -> assertThat(row.lastMessage()).isEqualTo("refused on demand"));
        assertThat(administration.retryNow()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select detail from admin_audit where action = 'LRS_RETRY_NOW' and actor_id = ?",
                String.class, admin.accountId())).isEqualTo("1 statement to " + LRS.endpoint());

        assertThat(sender(50).sendDue()).isEqualTo(1);
        assertThat(LRS.stored).hasSize(1);
    }

    @Test
    void erasingALearnerTakesTheirStatementsOutOfTheOutbox(@Autowired AccountAdministration accounts) {
        CurrentUser learner = people.learner("Erin Erased");
        Learners.actAs(learner);
        people.readEveryLesson();
        CurrentUser other = people.learner("Otto Other");
        Learners.actAs(other);
        people.open(course.lessons().getFirst());
        assertThat(outboxSize()).isEqualTo(2 * course.lessons().size() + 1);

        Learners.actAs(administrator("Ada Eraser"));
        accounts.erase(learner.accountId());

        assertThat(jdbc.queryForList("select user_id from xapi_outbox", Long.class)).containsExactly(other.accountId());
    }

    @Test
    void sentStatementsGoAfterTheirKeepingTimeAndUnsentOnesStay() {
        CurrentUser learner = people.learner("Kim Kept");
        Learners.actAs(learner);
        people.open(course.lessons().getFirst());
        sender(50).sendDue();
        people.open(course.lessons().get(1));
        LRS.answerNext(503);
        sender(50).sendDue();
        SentStatementCleanUp cleanUp = new SentStatementCleanUp(outbox, settings(50), clock);

        assertThat(cleanUp.deleteOldSentStatements()).as("sent just now: kept").isZero();
        clock.advance(Duration.ofDays(31));
        assertThat(cleanUp.deleteOldSentStatements()).isEqualTo(1);

        assertThat(jdbc.queryForList("select state from xapi_outbox", String.class)).as("the unsent one stays, however old")
                .containsExactly("PENDING");
    }

    @Test
    void twoSendersRacingOnOneDatabaseSendEachStatementOnce() throws Exception {
        for (int i = 0; i < 6; i++) {
            diligentLearner("Racer " + (char) ('A' + i));
        }
        int written = outboxSize();
        assertThat(written).isEqualTo(6 * 19);
        LrsSender one = sender(5);
        LrsSender two = sender(5);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = nodes.submit(() -> {
                start.await();
                return one.sendDue();
            });
            Future<Integer> second = nodes.submit(() -> {
                start.await();
                return two.sendDue();
            });
            start.countDown();
            int sent = first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS);

            assertThat(sent).isEqualTo(written);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(LRS.stored).hasSize(written);
        assertThat(LRS.posted).as("no statement posted twice").hasSize(written)
                .allSatisfy((id, times) -> assertThat(times.get()).isEqualTo(1));
        assertThat(pending()).isZero();
    }

    @Test
    void aSenderThatStopsMidBatchLosesNothingAndTheStoreHoldsEachStatementOnce() throws Exception {
        diligentLearner("Nina Node-Died");
        int written = outboxSize();
        // a node claims a batch, posts it, the store stores it, and the node dies before it hears back
        LrsSender dying = sender(10);
        CountDownLatch held = LRS.holdNextPost();
        Thread node = Thread.ofPlatform().start(dying::sendDue);
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        Set<String> claimed = Set.copyOf(jdbc.queryForList("select statement_id from xapi_outbox where claimed_by is not null", String.class));
        assertThat(claimed).hasSize(10);
        dying.stop();
        node.interrupt();
        node.join(10_000);
        LRS.release();
        // as if the process died: its rows stay claimed (an interrupted sender records a retry; a dead one records nothing)
        jdbc.update("update xapi_outbox set state = 'PENDING', tries = 0, next_try_at = ?, claimed_by = 'dead-node', claimed_until = ?"
                + " where statement_id in (" + claimed.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",")) + ")",
                clock.instant().atOffset(java.time.ZoneOffset.UTC), clock.instant().plus(Duration.ofMinutes(5)).atOffset(java.time.ZoneOffset.UTC));

        LrsSender restarted = sender(10);
        assertThat(restarted.sendDue()).as("the rest, but not what the dead node still holds").isEqualTo(written - 10);
        assertThat(pending()).isEqualTo(10);

        clock.advance(Duration.ofMinutes(6));
        assertThat(restarted.sendDue()).as("its claim ran out: sent again, the store's 409 counts as sent").isEqualTo(10);

        assertThat(pending()).isZero();
        assertThat(LRS.stored).as("every statement, once").hasSize(written);
        assertThat(LRS.stored.keySet()).containsAll(claimed);
    }

    @Test
    void aStoreThatListsXapi2IsSentTheVersion2Header() {
        LRS.lists(List.of("1.0.3", "2.0.0"), "2.0.0");
        LrsClient asking = new LrsClient(settings(50), records);
        CurrentUser learner = people.learner("Vera Version");
        Learners.actAs(learner);
        people.open(course.lessons().getFirst());

        assertThat(sender(50, asking).sendDue()).isEqualTo(1);

        assertThat(LRS.versionHeaders).containsOnly("2.0.0");
        assertThat(LRS.storedStatements()).singleElement().satisfies(s -> assertThat(s.path("version").asString()).isEqualTo("2.0.0"));
    }

    @Test
    void wrongCredentialsAreRetriedNotRefused() {
        CurrentUser learner = people.learner("Cris Credentials");
        Learners.actAs(learner);
        people.open(course.lessons().getFirst());
        LrsProperties wrong = new LrsProperties(URI.create(LRS.endpoint()), FakeLrs.USER, "not-the-secret", null, 50,
                Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofDays(30));

        assertThat(sender(50, new LrsClient(wrong, records)).sendDue()).isZero();

        assertThat(outbox.count(OutboxStatus.RETRYING)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select last_status from xapi_outbox", Integer.class)).isEqualTo(401);
    }
}

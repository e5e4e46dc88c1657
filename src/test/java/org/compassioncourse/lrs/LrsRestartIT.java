package org.compassioncourse.lrs;

import org.compassioncourse.Application;
import org.compassioncourse.content.Course;
import org.compassioncourse.content.QuizSettings;
import org.compassioncourse.security.CurrentUser;
import org.compassioncourse.support.Learners;
import org.compassioncourse.support.ScratchPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole application sending to a store (FakeLrs) by itself: right after the learner's commit and on its poll.
 * It is stopped while the store holds a batch it already stored, and started again on the same database: nothing is
 * lost, the store holds each statement once. On H2 (a file, as the default profile) and on PostgreSQL (its SKIP LOCKED
 * claim and insert SQL), where two more senders then race over one database. An IT: it starts whole applications.
 */
class LrsRestartIT {

    @TempDir
    Path dataDir;

    private FakeLrs lrs;

    @BeforeEach
    void store() throws Exception {
        lrs = new FakeLrs();
    }

    @AfterEach
    void stopStore() {
        lrs.close();
        SecurityContextHolder.clearContext();
    }

    private ConfigurableApplicationContext start(String profile, String... database) {
        List<String> arguments = new ArrayList<>(List.of("--course.content-dir=src/test/resources/course-fixture",
                "--logging.level.root=warn", "--server.port=0",
                "--course.lrs.endpoint=" + lrs.endpoint(), "--course.lrs.username=" + FakeLrs.USER,
                "--course.lrs.password=" + FakeLrs.PASSWORD, "--course.lrs.batch-size=5",
                "--course.lrs.poll-interval=PT0.3S", "--course.lrs.retry-backoff=PT0.5S", "--course.lrs.claim-for=PT3S",
                "--course.lrs.timeout=PT30S"));
        arguments.addAll(List.of(database));
        return new SpringApplicationBuilder(Application.class).web(WebApplicationType.SERVLET).profiles(profile)
                .run(arguments.toArray(String[]::new));
    }

    private static long rows(ConfigurableApplicationContext app, String where) {
        Long count = app.getBean(JdbcTemplate.class).queryForObject("select count(*) from xapi_outbox where " + where, Long.class);
        return count == null ? 0 : count;
    }

    private static void learnersAct(ConfigurableApplicationContext app, String... names) {
        Learners people = Learners.in(app);
        Course course = app.getBean(Course.class);
        for (String name : names) {
            CurrentUser learner = people.learner(name);
            Learners.actAs(learner);
            people.readEveryLesson();
            people.take(QuizSettings.Kind.KNOWLEDGE_CHECK, course.lessons().getFirst().id(), true, 1200);
            people.take(QuizSettings.Kind.FINAL_ASSESSMENT, null, true, 1000);
        }
        SecurityContextHolder.clearContext();
    }

    /** Sends after the learner's commit, is stopped with a batch held at the store, and the next start sends the rest once. */
    private long stopMidBatchAndStartAgain(String profile, String... database) {
        CountDownLatch held = lrs.holdNextPost();
        long written;
        int heldAtTheStore;
        try (var first = start(profile, database)) {
            learnersAct(first, "Hal Held");
            await().atMost(Duration.ofSeconds(20)).until(() -> held.getCount() == 0);
            written = rows(first, "1 = 1");
            heldAtTheStore = lrs.stored.size();
            assertThat(heldAtTheStore).as("the first batch (what was due right after the first commit) reached the store").isPositive();
            assertThat(rows(first, "state = 'SENT'")).as("but the node has not heard back").isZero();
        } // the stopping node gives up waiting for the store's answer
        lrs.release();
        try (var second = start(profile, database)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> rows(second, "state <> 'SENT'") == 0);
            assertThat(rows(second, "1 = 1")).isEqualTo(written);
            assertThat(rows(second, "last_status = 409")).as("the held batch, sent again: the store already held it").isEqualTo(heldAtTheStore);
        }
        assertThat(lrs.stored).as("every statement, once").hasSize((int) written);
        assertThat(lrs.violations).isEmpty();
        return written;
    }

    @Test
    void onH2AStopMidBatchAndAStartOnTheSameDatabaseLoseNothingAndDoubleNothing() {
        long written = stopMidBatchAndStartAgain("default", "--course.data-dir=" + dataDir);
        assertThat(written).as("3 lessons experienced and completed, a knowledge check and its 6 answers, the final passed and its answer, the course")
                .isEqualTo(2L * 3 + 1 + 6 + 2 + 1 + 1);
    }

    @Test
    void onPostgresTheSameHoldsAndTwoSendersRacingSendEachStatementOnce() throws Exception {
        String database = "compassion_course_lrs_" + ProcessHandle.current().pid();
        ScratchPostgres.create(database, "LRS on PostgreSQL");
        try {
            String[] postgres = {"--DATABASE_URL=" + ScratchPostgres.SERVER + database, "--DATABASE_USER=" + ScratchPostgres.USER};
            stopMidBatchAndStartAgain("postgres", postgres);

            lrs.reset();
            try (var app = start("postgres", postgres)) {
                app.getBean(LrsSender.class).stop(); // the test's senders only
                learnersAct(app, "Ria Racer", "Rex Racer", "Rob Racer", "Roz Racer");
                long due = rows(app, "state <> 'SENT'");
                assertThat(due).isEqualTo(4L * 17);
                XapiOutbox outbox = app.getBean(XapiOutbox.class);
                LrsClient client = app.getBean(LrsClient.class);
                LrsProperties settings = app.getBean(LrsProperties.class);
                List<LrsSender> senders = Stream.generate(() -> new LrsSender(outbox, client, settings, Clock.systemUTC())).limit(3).toList();
                CountDownLatch go = new CountDownLatch(1);
                ExecutorService nodes = Executors.newFixedThreadPool(senders.size());
                try {
                    List<Future<Integer>> sent = senders.stream().map(s -> nodes.submit(() -> {
                        go.await();
                        return s.sendDue();
                    })).toList();
                    go.countDown();
                    int total = 0;
                    for (Future<Integer> one : sent) {
                        total += one.get(60, TimeUnit.SECONDS);
                    }
                    assertThat(total).isEqualTo(due);
                } finally {
                    nodes.shutdownNow();
                    senders.forEach(LrsSender::stop);
                }
                assertThat(rows(app, "state <> 'SENT'")).isZero();
                assertThat(lrs.stored).hasSize((int) due);
                assertThat(lrs.posted).as("no statement posted twice").allSatisfy((id, times) -> assertThat(times.get()).isEqualTo(1));
            }
        } finally {
            ScratchPostgres.drop(database);
        }
    }
}

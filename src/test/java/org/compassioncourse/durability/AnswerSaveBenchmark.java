package org.compassioncourse.durability;

import org.compassioncourse.Application;
import org.compassioncourse.support.ScratchPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.security.core.context.SecurityContextHolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark, not a check: what one saved answer costs through {@code QuizAttempts.answer} (the quiz page's path) on
 * the H2 file database with the old background write (WRITE_DELAY=500) and with a write per commit (WRITE_DELAY=0,
 * the default profile's setting), and on PostgreSQL when one is reachable. Not part of the test suite (its name does
 * not end in Test); run it with {@code ./mvnw test -Dtest=AnswerSaveBenchmark -Dbenchmark.answers=500}.
 */
class AnswerSaveBenchmark {

    private static final int ANSWERS = Integer.getInteger("benchmark.answers", 500);
    private static final int WARM_UP = 50;

    @TempDir
    Path dir;

    @Test
    void printMillisecondsPerSavedAnswer() throws Exception {
        List<String> lines = new ArrayList<>();
        // twice each, alternating, so that neither setting gets the cold JVM
        for (int run = 1; run <= 2; run++) {
            Path before = Files.createDirectories(dir.resolve("before-" + run));
            lines.add(measure("h2 WRITE_DELAY=500 (before)", "--course.data-dir=" + before,
                    "--spring.datasource.url=jdbc:h2:file:" + before + "/compassion-course;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=500"));
            lines.add(measure("h2 WRITE_DELAY=0 (application.yaml)", "--course.data-dir=" + Files.createDirectories(dir.resolve("after-" + run))));
        }
        String database = "answer_bench_" + ProcessHandle.current().pid();
        try {
            ScratchPostgres.createOrFail(database);
            try {
                lines.add(measure("postgres", "--spring.profiles.active=postgres", "--DATABASE_URL=" + ScratchPostgres.url(database),
                        "--DATABASE_USER=" + ScratchPostgres.USER, "--DATABASE_PASSWORD="));
            } finally {
                ScratchPostgres.drop(database);
            }
        } catch (SQLException unreachable) {
            lines.add("postgres: skipped, none at " + ScratchPostgres.SERVER);
        }
        lines.forEach(System.out::println);
    }

    private static String measure(String label, String... args) {
        List<String> all = new ArrayList<>(List.of("--course.content-dir=src/test/resources/course-fixture",
                "--logging.level.root=warn", "--server.port=0"));
        all.addAll(List.of(args));
        try (var app = new SpringApplicationBuilder(Application.class).web(WebApplicationType.SERVLET).run(all.toArray(String[]::new))) {
            AnswerLoop learner = new AnswerLoop(app, "Bea Benchmark");
            for (int i = 0; i < WARM_UP; i++) {
                learner.answerNext();
            }
            long nanos = 0;
            for (int i = 0; i < ANSWERS; i++) {
                nanos += learner.answerNext().answerNanos();
            }
            return String.format(Locale.ROOT, "answer save %s: %d answers, %.2f ms per answer", label, ANSWERS, nanos / 1e6 / ANSWERS);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

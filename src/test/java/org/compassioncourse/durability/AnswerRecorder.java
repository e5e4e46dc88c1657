package org.compassioncourse.durability;

import org.compassioncourse.Application;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * The child process of {@link DurabilityIT}: boots the real application (web server on a random port) with the
 * Spring arguments it is given, signs a new learner in and saves answers through {@code QuizAttempts.answer} until it
 * is killed. It prints "READY &lt;learner email&gt;" once started and "CONFIRMED &lt;attemptId&gt; &lt;questionId&gt;" after each answer
 * the service confirmed (the moment the quiz page would say "Answer saved.").
 * <p>
 * {@code -Ddurability.other-learners=N} (default 2) starts N more learners answering on their own threads, so commits
 * come from several pool connections at once, as on a ward's busy afternoon; their answers are not counted.
 * <p>
 * It ends itself when its parent goes away (standard input closes) or after five minutes, so that a failed test
 * run leaves no process behind.
 */
public final class AnswerRecorder {

    private AnswerRecorder() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        Thread watchParent = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent writes nothing; end of input means it is gone
                }
            } catch (IOException ignored) {
                // same: no parent
            }
            Runtime.getRuntime().halt(3);
        }, "watch-parent");
        watchParent.setDaemon(true);
        watchParent.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);

        ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET)
                .run(args);
        int others = Integer.getInteger("durability.other-learners", 2);
        for (int i = 1; i <= others; i++) {
            String name = "Other Learner " + i;
            Thread.ofPlatform().daemon().name("other-learner-" + i).start(() -> {
                AnswerLoop other = new AnswerLoop(app, name);
                while (true) {
                    other.answerNext();
                }
            });
        }
        AnswerLoop learner = new AnswerLoop(app, "Dana Durable");
        out.println("READY " + learner.email());
        out.flush();
        while (System.nanoTime() < deadline) {
            AnswerLoop.Saved saved = learner.answerNext();
            out.println("CONFIRMED " + saved.attemptId() + " " + saved.questionId());
            out.flush();
        }
        Runtime.getRuntime().halt(4);
    }
}

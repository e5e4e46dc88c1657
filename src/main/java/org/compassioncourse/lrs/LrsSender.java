package org.compassioncourse.lrs;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends the outbox to the learning record store: right after each learner's commit (a nudge) and every
 * course.lrs.poll-interval (statements whose retry is due, rows a stopped node left). Each round claims a batch in
 * the database, so any number of senders, on one node or several, send each statement once; a node that stops
 * mid-batch leaves its claim to run out, and the next claimer sends the batch again (the store answers 409 for those
 * it already holds, which counts as sent).
 * <p>
 * The store's answers: 2xx sent; 409 on one statement sent (it already holds that id); 400 or 413 on one statement
 * refused (it waits for an administrator's "retry now"); 409, 400 or 413 on a batch: each statement is sent on its own
 * to find out which; anything else (no answer, 5xx, 429, 401, 403, 404) is tried again after a backoff that doubles
 * per try up to course.lrs.max-backoff.
 */
@Component
class LrsSender {

    private static final Logger LOG = LoggerFactory.getLogger(LrsSender.class);
    /** How long a stopping node waits for a request under way (within Boot's 20 s per shutdown phase). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final XapiOutbox outbox;
    private final LrsClient client;
    private final LrsProperties settings;
    private final Clock clock;
    private final String node;
    private final ExecutorService worker;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean stopping;

    LrsSender(XapiOutbox outbox, LrsClient client, LrsProperties settings, Clock clock) {
        this.outbox = outbox;
        this.client = client;
        this.settings = settings;
        this.clock = clock;
        String name = ManagementFactory.getRuntimeMXBean().getName();
        this.node = name.length() > 40 ? name.substring(0, 40) : name;
        this.worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("lrs-sender").daemon(true).factory());
    }

    /** Whether a store is configured (else the outbox stays empty and nothing is sent). */
    boolean enabled() {
        return settings.enabled();
    }

    /** Asks this node's sender to send what is due, soon, on its own thread; at most one round waits at a time. */
    void nudge() {
        if (!enabled() || stopping || !queued.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                queued.set(false);
                try {
                    sendDue();
                } catch (RuntimeException e) {
                    LOG.warn("Sending statements to the learning record store failed; the next round tries again", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            queued.set(false);
        }
    }

    @Scheduled(fixedDelayString = "${course.lrs.poll-interval:PT15S}", initialDelayString = "${course.lrs.poll-interval:PT15S}")
    void poll() {
        nudge();
    }

    /** Sends batches until nothing is due or claimable; returns how many statements the store now holds. Package-private for tests. */
    int sendDue() {
        int sent = 0;
        while (enabled() && !stopping) {
            String token = node + "/" + UUID.randomUUID().toString().substring(0, 8);
            Instant now = clock.instant();
            List<XapiOutbox.Claimed> batch = outbox.claim(token, now, now.plus(settings.claimFor()), settings.batchSize());
            if (batch.isEmpty()) {
                return sent;
            }
            sent += send(token, batch);
        }
        return sent;
    }

    private int send(String token, List<XapiOutbox.Claimed> batch) {
        outbox.renew(token, clock.instant().plus(settings.claimFor()));
        LrsClient.Answer answer = client.post(batch.stream().map(XapiOutbox.Claimed::statement).toList());
        Instant now = clock.instant();
        List<String> ids = batch.stream().map(XapiOutbox.Claimed::statementId).toList();
        int status = answer.status();
        if (answer.stored()) {
            outbox.sent(token, ids, now, status, answer.message());
            return ids.size();
        }
        boolean aboutTheStatements = status == 409 || status == 400 || status == 413;
        if (aboutTheStatements && batch.size() > 1 && !stopping) {
            // which of them? each on its own
            int sent = 0;
            for (XapiOutbox.Claimed one : batch) {
                if (stopping) {
                    break;
                }
                sent += send(token, List.of(one));
            }
            return sent;
        }
        if (status == 409) {
            outbox.sent(token, ids, now, status, "The store already holds this statement (409): " + answer.message());
            return ids.size();
        }
        if (aboutTheStatements) {
            outbox.refused(token, ids, now, status, answer.message());
            LOG.warn("The learning record store refused statement {} ({}): {}", ids, status, answer.message());
            return 0;
        }
        for (XapiOutbox.Claimed one : batch) {
            outbox.retryLater(token, one.statementId(), now, status == 0 ? null : status, answer.message(),
                    now.plus(backoff(one.tries())));
        }
        return 0;
    }

    /** The wait before the next try, after {@code tries} earlier failed ones: backoff, 2 backoff, 4 backoff... up to the maximum. */
    Duration backoff(int tries) {
        Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(tries, 20));
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    /** Stops taking new batches; a request under way may finish (its rows' claim runs out if it does not). */
    @PreDestroy
    void stop() {
        stopping = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(Math.min(settings.timeout().toMillis() + 1000, STOP_WAIT.toMillis()), TimeUnit.MILLISECONDS)) {
                // interrupts a request still waiting: its batch is recorded as "no answer" and tried again later
                worker.shutdownNow();
                worker.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

package org.compassioncourse.lrs;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Nightly, deletes statements the store took more than course.lrs.keep-sent ago: the store holds them, and the
 * administration page needs only the recent ones. Unsent statements are never deleted here. Run by one node of the
 * cluster at a time (ShedLock, see operations/SchedulingConfig).
 */
@Component
class SentStatementCleanUp {

    private static final Logger LOG = LoggerFactory.getLogger(SentStatementCleanUp.class);

    private final XapiOutbox outbox;
    private final LrsProperties settings;
    private final Clock clock;

    SentStatementCleanUp(XapiOutbox outbox, LrsProperties settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${course.lrs.clean-up-cron:0 45 3 * * *}")
    @SchedulerLock(name = "lrs-sent-statement-clean-up", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void scheduledCleanUp() {
        int deleted = deleteOldSentStatements();
        if (deleted > 0) {
            LOG.info("Deleted {} statements the learning record store took over {} ago", deleted, settings.keepSent());
        }
    }

    /** Deletes the statements sent before now minus course.lrs.keep-sent; returns how many went. */
    int deleteOldSentStatements() {
        return outbox.deleteSentBefore(clock.instant().minus(settings.keepSent()));
    }
}

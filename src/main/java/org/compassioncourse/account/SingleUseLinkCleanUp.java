package org.compassioncourse.account;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The one clean-up of single-use links, every kind alike: a link that expired or was used more than {@link #RETENTION}
 * ago can open nothing and is deleted. Its page answers a deleted link as it answers a used or expired one, so the
 * clean-up changes nothing anyone sees. Run by one node of the cluster at a time (ShedLock, see SchedulingConfig).
 */
@Component
class SingleUseLinkCleanUp {

    /** Kept this long after expiry or use, for a support question the day after ("my link says it was used"). */
    static final Duration RETENTION = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(SingleUseLinkCleanUp.class);

    private final SingleUseLinkRepository links;
    private final Clock clock;

    SingleUseLinkCleanUp(SingleUseLinkRepository links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /** Nightly; lockAtLeastFor: a node whose clock is a few seconds behind must not run the same night's clean-up again. */
    @Scheduled(cron = "${course.single-use-links.clean-up-cron:0 15 3 * * *}")
    @SchedulerLock(name = "single-use-link-clean-up", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void scheduledCleanUp() {
        int deleted = deleteSpentLinks();
        if (deleted > 0) {
            LOG.info("Deleted {} spent single-use links (expired or used over {} ago)", deleted, RETENTION);
        }
    }

    /** Deletes every link that expired or was used before now minus {@link #RETENTION}; returns how many went. */
    @Transactional
    public int deleteSpentLinks() {
        return links.deleteSpentBefore(clock.instant().truncatedTo(ChronoUnit.MICROS).minus(RETENTION));
    }
}

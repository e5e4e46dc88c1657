package org.compassioncourse.account;

import org.compassioncourse.support.ApplicationTest;
import org.compassioncourse.support.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class SingleUseLinkCleanUpTest {

    @Autowired
    SingleUseLinkRepository links;
    @Autowired
    AccountService accountService;
    @Autowired
    AccountUserDetailsService users;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final MutableClock clock = new MutableClock(now);

    private long newAccount() {
        String email = "links-" + UUID.randomUUID() + "@ward7.example";
        accountService.registerLearner(new RegistrationForm("Lena Link", email, "calm-harbour-lantern"));
        return users.loadUserByUsername(email).accountId();
    }

    private String link(long accountId, SingleUseLink.Kind kind, Instant expiresAt, @Nullable Instant usedAt) {
        String hash = LinkToken.mint().hash();
        SingleUseLink link = new SingleUseLink(accountId, kind, hash, expiresAt.minus(Duration.ofHours(24)), expiresAt);
        if (usedAt != null) {
            link.use(usedAt);
        }
        links.saveAndFlush(link);
        return hash;
    }

    private List<String> linksOf(long accountId) {
        return jdbc.queryForList("select token_hash from single_use_link where account_id = ?", String.class, accountId);
    }

    private int cleanUp() {
        return new TransactionTemplate(transactionManager).execute(status -> new SingleUseLinkCleanUp(links, clock).deleteSpentLinks());
    }

    @Test
    void linksOfEveryKindGoADayAfterTheyExpiredOrWereUsedAndOpenOnesStay() {
        long account = newAccount();
        String expiredTwoDaysAgo = link(account, SingleUseLink.Kind.PASSWORD_RESET, now.minus(Duration.ofDays(2)), null);
        String usedTwoDaysAgo = link(account, SingleUseLink.Kind.INSTRUCTOR_INVITATION, now.plus(Duration.ofDays(5)),
                now.minus(Duration.ofDays(2)));
        String expiredAnHourAgo = link(account, SingleUseLink.Kind.BOOTSTRAP_ADMINISTRATOR, now.minus(Duration.ofHours(1)), null);
        String open = link(account, SingleUseLink.Kind.PASSWORD_RESET, now.plus(Duration.ofDays(7)), null);

        assertThat(cleanUp()).isGreaterThanOrEqualTo(2);
        assertThat(linksOf(account)).as("spent for over a day: gone; spent within the day or still open: kept")
                .containsExactlyInAnyOrder(expiredAnHourAgo, open)
                .doesNotContain(expiredTwoDaysAgo, usedTwoDaysAgo);

        clock.advance(Duration.ofDays(1));
        cleanUp();
        assertThat(linksOf(account)).as("a day later the one that expired an hour before goes too").containsExactly(open);
    }
}

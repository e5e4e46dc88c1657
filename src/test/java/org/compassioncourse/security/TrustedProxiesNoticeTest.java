package org.compassioncourse.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedProxiesNoticeTest {

    @Test
    void productionWithoutATrustedProxySaysHowToNameOneAndIsQuietOnceThereIs() {
        assertThat(TrustedProxiesNotice.noticeFor("")).hasValueSatisfying(notice ->
                assertThat(notice).contains("TRUSTED_PROXIES").contains("X-Forwarded-For"));
        assertThat(TrustedProxiesNotice.noticeFor(null)).isPresent();
        assertThat(TrustedProxiesNotice.noticeFor("127.0.0.1/32")).isEmpty();
    }
}

package org.compassioncourse.base;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PercentTest {

    @Test
    void sixOfSevenLessonsIsRoundedTo86NotTruncatedTo85() {
        assertThat(Percent.of(6, 7)).isEqualTo(86);
        assertThat(Percent.of(1, 3)).isEqualTo(33);
        assertThat(Percent.of(2, 3)).isEqualTo(67);
        assertThat(Percent.of(1, 8)).as("half rounds up").isEqualTo(13);
        assertThat(Percent.of(0, 0)).isZero();
    }

    @Test
    void sharesAreRoundedToo() {
        assertThat(Percent.format(6.0 / 7)).isEqualTo("86%");
        assertThat(Percent.ofShare(0.994)).isEqualTo(99);
        assertThat(Percent.ofShare(0.995)).isEqualTo(100);
    }
}

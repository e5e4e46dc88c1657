package org.compassioncourse.quiz;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScorePercentTest {

    @Test
    void wholeScoresShowNoDecimalsAndOthersOneSoEveryPageAgrees() {
        assertThat(ScorePercent.format(100)).isEqualTo("100%");
        assertThat(ScorePercent.format(0)).isEqualTo("0%");
        assertThat(ScorePercent.format(100.0 / 6)).as("one question of six").isEqualTo("16.7%");
        assertThat(ScorePercent.format(87.5)).isEqualTo("87.5%");
    }
}

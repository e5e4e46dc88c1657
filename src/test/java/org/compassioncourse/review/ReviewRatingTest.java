package org.compassioncourse.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.compassioncourse.review.FsrsScheduler.Rating;
import org.junit.jupiter.api.Test;

class ReviewRatingTest {

    @Test
    void aWrongAnswerIsAgainHoweverSureTheLearnerWas() {
        for (Sureness sureness : Sureness.values()) {
            assertThat(ReviewRating.of(0, sureness)).isEqualTo(Rating.AGAIN);
        }
    }

    @Test
    void partialCreditCountsAsWrongForTheSchedule() {
        assertThat(ReviewRating.of(0.75, Sureness.SURE)).isEqualTo(Rating.AGAIN);
    }

    @Test
    void aRightAnswerIsRatedBySureness() {
        assertThat(ReviewRating.of(1, Sureness.NOT_SURE)).isEqualTo(Rating.HARD);
        assertThat(ReviewRating.of(1, Sureness.FAIRLY_SURE)).isEqualTo(Rating.GOOD);
        assertThat(ReviewRating.of(1, Sureness.SURE)).isEqualTo(Rating.EASY);
    }
}

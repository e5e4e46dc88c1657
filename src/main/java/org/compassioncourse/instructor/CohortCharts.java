package org.compassioncourse.instructor;

import java.util.List;

/**
 * The numbers behind the cohort charts (the charts are drawn from these, and the page repeats them as text).
 *
 * @param completedPerLesson learners who completed each lesson, in course order (the completion funnel)
 * @param finalScoreBuckets counted final scores in ten-point buckets: 0–9, 10–19, …, 90–100
 */
public record CohortCharts(List<LessonCount> completedPerLesson, long[] finalScoreBuckets,
                           @org.jspecify.annotations.Nullable Double meanPre, @org.jspecify.annotations.Nullable Double meanPost,
                           long learnersWithBoth) {

    public record LessonCount(int order, String title, long learners) {
    }
}

package org.compassioncourse.training;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Period;

/**
 * Settings of mandatory training. Dates (due dates, completion days, expiry) are days in the application clock's time
 * zone, the one certificates are dated in.
 *
 * @param dueSoon how long before the due date a learner who has not completed counts as "due soon"
 */
@ConfigurationProperties("course.training")
public record TrainingProperties(@DefaultValue("P14D") Period dueSoon) {
}

/** Cohorts: instructors create them, learners join them with a join code or link. */
@NullMarked
package org.compassioncourse.cohort;

import org.jspecify.annotations.NullMarked;

/** Instructor views: the instructor's cohorts, a cohort's page and a learner's page. */
@NullMarked
package org.compassioncourse.instructor.ui;

import org.jspecify.annotations.NullMarked;

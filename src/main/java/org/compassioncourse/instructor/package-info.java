/** Instructors' reports on a cohort: overview, item analysis, charts, gradebook and xAPI exports. */
@NullMarked
package org.compassioncourse.instructor;

import org.jspecify.annotations.NullMarked;

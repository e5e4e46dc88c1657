/** Cohort views; the join link is shown on the instructor's pages. */
@NamedInterface("ui")
@NullMarked
package org.compassioncourse.cohort.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

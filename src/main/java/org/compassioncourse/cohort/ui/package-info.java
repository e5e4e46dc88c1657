/** Cohort views; the join link is shown on the instructor's pages. */
@NamedInterface("ui")
package org.compassioncourse.cohort.ui;

import org.springframework.modulith.NamedInterface;

/**
 * Spaced-review views; the due-review link (course page) and the retention section (cohort page) are shown by other
 * modules.
 */
@NamedInterface("ui")
@NullMarked
package org.compassioncourse.review.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

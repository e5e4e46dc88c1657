/** The training status on the learner's course page, a cohort's due rule and extensions, and the compliance overview. */
@NamedInterface("ui")
@NullMarked
package org.compassioncourse.training.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

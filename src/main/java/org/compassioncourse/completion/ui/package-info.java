/**
 * Completion views; the completion block (course page) and the learner's completion panel (instructor's learner page)
 * are shown by other modules.
 */
@NamedInterface("ui")
@NullMarked
package org.compassioncourse.completion.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

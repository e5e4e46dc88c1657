/**
 * Completion views; the completion block (course page) and the learner's completion panel (instructor's learner page)
 * are shown by other modules.
 */
@NamedInterface("ui")
package org.compassioncourse.completion.ui;

import org.springframework.modulith.NamedInterface;

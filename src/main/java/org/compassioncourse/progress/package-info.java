/** Per-learner progress through the lessons: lessons completed and sections reached. */
@NullMarked
package org.compassioncourse.progress;

import org.jspecify.annotations.NullMarked;

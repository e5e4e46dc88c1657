/** Moves the question bank to and from Moodle's GIFT format: export for a Moodle quiz, import into course-content. */
@NullMarked
package org.compassioncourse.gift;

import org.jspecify.annotations.NullMarked;

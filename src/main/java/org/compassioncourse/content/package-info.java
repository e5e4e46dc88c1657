/** Reads and checks course-content once at start-up into one immutable model that every feature reads. */
@NullMarked
package org.compassioncourse.content;

import org.jspecify.annotations.NullMarked;

/** The course page and the lesson reader. */
@NullMarked
package org.compassioncourse.lesson.ui;

import org.jspecify.annotations.NullMarked;

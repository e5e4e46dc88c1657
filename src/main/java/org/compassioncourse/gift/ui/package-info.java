/** The question bank download for instructors and administrators. */
@NullMarked
package org.compassioncourse.gift.ui;

import org.jspecify.annotations.NullMarked;

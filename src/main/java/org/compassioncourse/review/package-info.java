/** Spaced review of the knowledge-check questions, scheduled with FSRS-6. */
@NullMarked
package org.compassioncourse.review;

import org.jspecify.annotations.NullMarked;

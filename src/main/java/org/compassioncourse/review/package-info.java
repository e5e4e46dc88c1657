/** Spaced review of the knowledge-check questions, scheduled with FSRS-6. */
package org.compassioncourse.review;

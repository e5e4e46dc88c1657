/**
 * Spaced-review views; the due-review link (course page) and the retention section (cohort page) are shown by other
 * modules.
 */
@NamedInterface("ui")
package org.compassioncourse.review.ui;

import org.springframework.modulith.NamedInterface;

/** Progress views; the lesson status badge is shown on the course page. */
@NamedInterface("ui")
@NullMarked
package org.compassioncourse.progress.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

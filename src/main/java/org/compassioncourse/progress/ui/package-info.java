/** Progress views; the lesson status badge is shown on the course page. */
@NamedInterface("ui")
package org.compassioncourse.progress.ui;

import org.springframework.modulith.NamedInterface;

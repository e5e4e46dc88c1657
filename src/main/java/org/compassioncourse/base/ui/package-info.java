/**
 * The view kit every feature's views reuse (main layout and menu badges, the reader's time zone, copy button, select
 * lists): an API of the base module.
 */
@NamedInterface("ui")
@NullMarked
package org.compassioncourse.base.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

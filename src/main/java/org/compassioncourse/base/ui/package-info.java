/**
 * The view kit every feature's views reuse (main layout and menu badges, the reader's time zone, copy button, select
 * lists): an API of the base module.
 */
@NamedInterface("ui")
package org.compassioncourse.base.ui;

import org.springframework.modulith.NamedInterface;

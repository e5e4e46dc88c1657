/**
 * Sign-in views and their session plumbing; the account feature's views use {@link
 * org.compassioncourse.security.ui.SessionLogin} to sign a new or changed account in within the current session.
 */
@NamedInterface("ui")
@NullMarked
package org.compassioncourse.security.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

/** Administering accounts (activate, erase, roles) and the append-only audit log. */
@NullMarked
package org.compassioncourse.administration;

import org.jspecify.annotations.NullMarked;

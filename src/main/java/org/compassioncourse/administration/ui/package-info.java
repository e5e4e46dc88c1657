/** Administration views: the account list, account setup and the audit log. */
@NullMarked
package org.compassioncourse.administration.ui;

import org.jspecify.annotations.NullMarked;

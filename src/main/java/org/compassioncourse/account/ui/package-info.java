/** Account views: registration, the learner's own account page, and forgotten and reset passwords. */
@NullMarked
package org.compassioncourse.account.ui;

import org.jspecify.annotations.NullMarked;

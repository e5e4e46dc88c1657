/** The administrators' page of the learning record store's outbox. */
@NullMarked
package org.compassioncourse.lrs.ui;

import org.jspecify.annotations.NullMarked;

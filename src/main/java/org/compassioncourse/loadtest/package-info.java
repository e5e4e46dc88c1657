/** The accounts the Gatling load test signs in with, seeded only under the opt-in {@code loadtest} profile. */
@NullMarked
package org.compassioncourse.loadtest;

import org.jspecify.annotations.NullMarked;

/** Running the app: scheduling, database backups, H2 crash recovery and activity metrics. */
@NullMarked
package org.compassioncourse.operations;

import org.jspecify.annotations.NullMarked;

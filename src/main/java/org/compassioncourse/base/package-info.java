/** Small pieces every feature reuses that know no feature (percentages, spreadsheet-safe text, start-up checks). */
@NullMarked
package org.compassioncourse.base;

import org.jspecify.annotations.NullMarked;

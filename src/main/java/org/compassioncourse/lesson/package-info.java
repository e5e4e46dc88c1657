/** Reading lessons; its pages are in the ui sub-package. */
@NullMarked
package org.compassioncourse.lesson;

import org.jspecify.annotations.NullMarked;

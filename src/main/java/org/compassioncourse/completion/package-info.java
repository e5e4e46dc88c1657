/** Course completion: the completion rule, certificates and their verification, evaluation and data exports. */
@NullMarked
package org.compassioncourse.completion;

import org.jspecify.annotations.NullMarked;

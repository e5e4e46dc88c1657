/** The course glossary; its only page is in the ui sub-package. */
@NullMarked
package org.compassioncourse.glossary;

import org.jspecify.annotations.NullMarked;

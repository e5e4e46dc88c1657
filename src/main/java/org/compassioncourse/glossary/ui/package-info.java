/** The glossary view. */
@NullMarked
package org.compassioncourse.glossary.ui;

import org.jspecify.annotations.NullMarked;

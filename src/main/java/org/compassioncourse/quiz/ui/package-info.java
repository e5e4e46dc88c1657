/**
 * Quiz views; the question card (AnswerableQuestion) and the result-page slot (ResultPageExtra) are shown by other
 * modules.
 */
@NamedInterface("ui")
@NullMarked
package org.compassioncourse.quiz.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

/** Quizzes: question papers, attempts, answers, grading and attempt allowances. */
@NullMarked
package org.compassioncourse.quiz;

import org.jspecify.annotations.NullMarked;

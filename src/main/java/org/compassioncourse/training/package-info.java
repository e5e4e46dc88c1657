/**
 * Mandatory training: when a cohort's learners must complete the course (a due rule, one learner's extension), how long
 * a completion stays valid, and the one rule that gives every learner one status (not started, in progress, due soon,
 * overdue, completed, expiring soon, expired) which every page and export reads.
 */
@NullMarked
package org.compassioncourse.training;

import org.jspecify.annotations.NullMarked;

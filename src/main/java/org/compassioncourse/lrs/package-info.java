/**
 * xAPI statements of what learners do, written to an outbox in the learner's own transaction and sent to a learning
 * record store (course.lrs.*); the mapper of learning records into statements, which the instructors' download uses too.
 */
@NullMarked
package org.compassioncourse.lrs;

import org.jspecify.annotations.NullMarked;

/** Compassion Course: the application class, and one top-level package per feature (a Spring Modulith module). */
@NullMarked
package org.compassioncourse;

import org.jspecify.annotations.NullMarked;

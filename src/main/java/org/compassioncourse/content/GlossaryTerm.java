package org.compassioncourse.content;

import org.jspecify.annotations.Nullable;

/** A key term of the course, explained in plain language; may be drawn as a region of the brain figures. */
public record GlossaryTerm(String id, String term, String definition, @Nullable String regionId) {
}

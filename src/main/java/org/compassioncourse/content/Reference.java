package org.compassioncourse.content;

import org.jspecify.annotations.Nullable;

/** A work the course cites, with its full citation. */
public record Reference(String id, String authors, int year, String title, String source, @Nullable String url) {

    /** The citation as shown in reference lists: authors. title. source. */
    public String citation() {
        String end = title.endsWith(".") || title.endsWith("?") ? "" : ".";
        // "Hou X, et al." already ends in a full stop
        return authors + (authors.endsWith(".") ? " " : ". ") + title + end + " " + source + (source.endsWith(".") ? "" : ".");
    }
}

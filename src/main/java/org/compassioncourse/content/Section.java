package org.compassioncourse.content;

import java.util.List;

/** One `##` section of a lesson, rendered to safe HTML, with the references it cites. */
public record Section(String id, String title, String html, List<String> citedReferenceIds) {

    public static final String IN_PRACTICE = "In practice";
}
